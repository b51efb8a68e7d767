// Package testfile has its magic code in a test file that imports only
// testing: the fix turns that import into a block, as goimports would,
// and adds no second import declaration.
package testfile

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}
