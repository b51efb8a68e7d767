// Package clientcodes writes codes of its own into the envelope beside the
// API's: issue 10's rules say which written constants are the program's.
package clientcodes

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Reply struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

// Rule 1: 0 and the SDK family (-1..-4) written by the client, and never
// compared with a code anywhere in the package, are the client's own.
func noData(r *Reply) *Reply {
	r.Code = -1 // silent: "no data" is this client's -1
	r.Message = "no data"
	return r
}

func lastCode(replies []Reply) int { // want lastCode:"code source: response code"
	code := -1 // silent: the program's "no answer yet"
	for _, r := range replies {
		code = r.Code
	}
	return code
}

func networkFailed() Reply {
	return Reply{Code: -2} // silent: never compared, the client's own
}

// Rule 2: a message of the client's written beside the code makes it the
// client's code, whatever the value.
func localFailure() *Reply {
	return &Reply{Code: -4019, Message: "the local index was lost"} // silent: the client's own message
}

func shaFailure(r *Reply) {
	r.Code = -5984 // silent: the message on the next line is the client's
	r.Message = "SHA of the slice changed while reading"
}

func shaFailureBefore(r *Reply) {
	r.Message = "SHA of the slice changed while reading"
	r.Code = -5984 // silent: the message on the line before is the client's
}

func both(r *Reply) {
	r.Code, r.Message = -4026, "restart from the first slice" // silent: one statement
}

// Twins: without a message, or with the API's own message, the written
// code is the API's (a fake server answering as COS does).
func fakeServer(r *Reply) {
	r.Code = -4019 // want `-4019 is catalog.ErrOffsetToZero`
}

func fakeServerWithMessage() Reply {
	return Reply{Code: -4019, Message: "入库失败，请重新上传"} // want `-4019 is catalog.ErrOffsetToZero`
}

func farMessage(r *Reply) {
	r.Code = -5984 // want `-5984 is catalog.ErrorCgiShaNotMatch`
	_ = endpoint
	r.Message = "not beside the code"
}
