// Package robustcgo is a COS v4 client with a cgo file: the analyzer sees
// the files cgo generates and still reports on the lines written by hand.
package robustcgo

/*
#include <errno.h>
static int offset_to_zero(void) { return -4019; }
*/
import "C"

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) bool {
	if r.Code == int(C.offset_to_zero()) || r.Code == -int(C.ENOENT) {
		return true // values from C are not literals: not magic
	}
	return r.Code == -4026 // want `-4026 is catalog.ErrOffsetBackTooMuch`
}
