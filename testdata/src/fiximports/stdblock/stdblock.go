// Package stdblock imports the standard library only: the catalog goes
// into a group of its own after it.
package stdblock

import (
	"fmt"
	"strconv"
)

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

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
