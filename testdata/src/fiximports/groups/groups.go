// Package groups has a standard-library group and a third-party group:
// the catalog goes into the third-party one, not between fmt and strconv.
package groups

import (
	"fmt"
	"strconv"

	"example.com/cosproxy"
)

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

var proxy = cosproxy.Endpoint

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) error {
	if r.Code == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return fmt.Errorf("restart: %s", strconv.Quote(r.Message))
	}
	return nil
}
