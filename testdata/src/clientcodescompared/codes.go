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

// Twins of clientcodes' rule 1 through the program's own declarations:
// here -1 is compared with a code of the API (missingFile), so the -1 the
// program returns, passes or keeps, and its tests of it, are the API's
// value too.

func lastReply(replies []Reply) int { // want lastReply:"code source: response code"
	if len(replies) == 0 {
		return -1 // want `-1 is catalog.SDKFileNotExist`
	}
	return replies[len(replies)-1].Code
}

func newReply(code int, message string) *Reply {
	return &Reply{Code: code, Message: message}
}

func copyReply(r Reply) *Reply {
	return newReply(r.Code, r.Message)
}

func noDataReply() *Reply {
	return newReply(-1, "no data") // want `-1 is catalog.SDKFileNotExist`
}

// The sentinel compared with resp.Code: the -1 the loop starts from is
// the value the API sends for a missing file.
func firstMissing(replies []Reply) int { // want firstMissing:"code source: response code"
	code := -1 // want `-1 is catalog.SDKFileNotExist`
	for _, r := range replies {
		if r.Code == -1 { // want `-1 is catalog.SDKFileNotExist`
			continue
		}
		if code == -1 { // want `-1 is catalog.SDKFileNotExist`
			code = r.Code
		}
	}
	return code
}
