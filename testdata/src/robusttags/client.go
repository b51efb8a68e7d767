// Package robusttags has files for other platforms and an ignored file:
// only the files of the build are analyzed.
package robusttags

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) bool {
	return r.Code == -4019 // want `-4019 is catalog.ErrOffsetToZero`
}
