// Package onealias has two fixes in one file, one where a local variable
// is named catalog: both fixes import the catalog once, under one alias.
package onealias

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func restart(r Response) bool {
	return r.Code == -4019 // want `-4019 is catalog.ErrOffsetToZero`
}

func known(r Response) bool {
	catalog := make(map[int]bool)
	return catalog[r.Code] || r.Code == -4026 // want `-4026 is catalog.ErrOffsetBackTooMuch`
}
