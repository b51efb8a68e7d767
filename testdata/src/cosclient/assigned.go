package cosclient

import "slices"

// Constants written where codes live are checked like compared ones.
func fake(ok bool) *Response {
	r := &Response{Code: -4018} // want `-4018 is catalog.ErrSameFileUpload`
	if !ok {
		r.Code = -5984 // want `-5984 is catalog.ErrorCgiShaNotMatch`
	}
	return r
}

// codeOf returns codes, so its constant results are codes.
func codeOf(err error) int { // want codeOf:"code source: response code"
	var e *Error
	if err == nil {
		return 0
	}
	if !asError(err, &e) {
		return -2 // the client's own: -2 is compared with no code in this package (issue 10)
	}
	return e.ErrCode()
}

func asError(err error, target **Error) bool { return false }

func restart() bool { return classify(-4026) == "" } // want `-4026 is catalog.ErrOffsetBackTooMuch`

// A map indexed with a code has codes for keys; a slice searched for one
// has codes for elements.
var retryable = map[int]bool{
	-71:   true, // want `-71 is catalog.ErrorProxyFreqControl`
	-4091: true, // want `-4091 is not a COS v4 response code: did you mean -4019`
}

var exists = []int{-177, -4018} // want `-177 is catalog.ErrorCmdCosFileExist` `-4018 is catalog.ErrSameFileUpload`

var sizes = map[int]string{-4019: "not a code: never searched with one"}

func shouldRetry(r *Response) bool {
	return retryable[r.Code] || slices.Contains(exists, r.Code) || sizes[len(r.Message)] != ""
}
