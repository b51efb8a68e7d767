// Package clientcodescompared compares a code with -1 somewhere: there,
// the -1 it writes is the API's value too (issue 10's rule 1, twin).
package clientcodescompared

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Reply struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func missingFile(r Reply) bool {
	return r.Code == -1 // want `-1 is catalog.SDKFileNotExist`
}

func fail(r *Reply) {
	r.Code = -1 // want `-1 is catalog.SDKFileNotExist`
	_ = endpoint
}

func unset() int {
	code := -2 // silent: -2 is compared nowhere in this package
	return code
}
