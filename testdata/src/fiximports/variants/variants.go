// Package variants has a test file that declares catalog at package
// level: the fix in this file imports the catalog under another name, or
// the package would not compile with its tests.
package variants

import "fmt"

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) error {
	if r.Code == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return fmt.Errorf("restart")
	}
	return nil
}
