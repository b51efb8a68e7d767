// Package cosvariants covers envelopes of other shapes: a named code type,
// a code spelled as a string, and codes passed through a channel.
package cosvariants

const host = "sh.file.myqcloud.com"

var path = "/files/v2/"

// RetCode is declared for the envelope's field: its values are codes.
type RetCode int // want RetCode:"code source: response code"

type answer struct {
	Code    RetCode `json:"code"` // want Code:"code source: response code"
	Message string  `json:"Message"`
}

// legacy is how an old gateway answered: the code is a string.
type legacy struct {
	Code string `json:"code"` // want Code:"code source: response code"
	Msg  string `json:"msg"`
}

func fromLegacy(l legacy) bool {
	return l.Code == "-4018" || l.Code == "4018" || l.Code == "ok" // want `-4018 is catalog.ErrSameFileUpload` `4018 is not a COS v4 response code: did you mean -4018`
}

func workers(a answer, fail bool) bool {
	status := make(chan RetCode, 1)
	go func() {
		if fail {
			status <- -2 // the client's own: -2 is compared with no code in this package (issue 10)
			return
		}
		status <- a.Code
	}()
	code := <-status
	var other RetCode = -4024 // a variable of the code type, initialised with a code // want `-4024 is catalog.ErrOffGoBack`
	return code == -4026 || other == code // want `-4026 is catalog.ErrOffsetBackTooMuch`
}
