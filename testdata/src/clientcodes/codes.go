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

// Rule 1 follows the program's own declarations: a value it returns,
// passes or keeps in a local variable is still its own, and a comparison
// that tests that value is no evidence that the API sends it.

// A bare return of the client's own code from a function whose result is
// a code.
func lastReply(replies []Reply) int { // want lastReply:"code source: response code"
	if len(replies) == 0 {
		return -1 // silent: the client's "no reply", returned bare
	}
	return replies[len(replies)-1].Code
}

func newReply(code int, message string) *Reply {
	return &Reply{Code: code, Message: message}
}

func copyReply(r Reply) *Reply {
	return newReply(r.Code, r.Message)
}

// An argument: newReply's code takes codes.
func noDataReply() *Reply {
	return newReply(-1, "no data") // silent: the client's own -1, passed as an argument
}

// The sentinel compared with itself: the loop tests the -1 it wrote.
func sendOnce(call func() (Reply, error)) (string, bool) {
	code := -1 // silent: nothing came back yet
	msg := ""
	for tries := 0; code == -1 && tries < 3; tries++ { // silent: tests the program's own -1
		r, err := call()
		if err != nil {
			continue
		}
		code, msg = r.Code, r.Message
	}
	return msg, code == 0
}

// A test of what a function of the program's returns.
func anyReply(replies []Reply) bool {
	return lastReply(replies) != -1 // silent: lastReply's own -1
}

// A test of a result of the program's, through a variable.
func fetch(call func() (Reply, error)) (int, error) { // want fetch:"code source: response code"
	r, err := call()
	if err != nil {
		return -2, err // silent: the client's "network failed"
	}
	return r.Code, nil
}

func networkDown(call func() (Reply, error)) bool {
	code, _ := fetch(call)
	return code == -2 // silent: tests the -2 fetch returns
}

// A test of the -1 noData writes with its message, in the response's
// field itself.
func isNoData(r *Reply) bool {
	return r.Code == -1 && r.Message == "no data" // silent: the -1 noData writes beside "no data"
}

// Twin: a true code of the API passed as an argument, as a fake server
// answers, is the API's.
func fakeOffsetReset() *Reply {
	return newReply(-4019, "入库失败，请重新上传") // want `-4019 is catalog.ErrOffsetToZero`
}

// A message passed to a function beside the code is not read: only a
// struct literal's or an assignment's message marks a code of the
// client's.
func localIndexLost() *Reply {
	return newReply(-4026, "the local index was lost") // want `-4026 is catalog.ErrOffsetBackTooMuch`
}
