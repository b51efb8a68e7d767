// Package directive marks its code-carrying declarations in the code itself.
package directive

type Reply struct {
	Ret   int //errcodelint:code // want Ret:"code source: response code"
	Other int
	//errcodelint:code http
	Status int // want Status:"code source: HTTP status"
	Name   string //errcodelint:code // want `errcodelint:code must annotate an integer field, variable, named type or function`
}

// RetCode is the type of the service's codes.
//
//errcodelint:code
type RetCode int // want RetCode:"code source: response code"

//errcodelint:code
func lastRet() int { return 0 } // want lastRet:"code source: response code"

//errcodelint:code https // want `errcodelint:code takes no argument or "http"`
var other int

func check(r Reply, c RetCode) int {
	if r.Ret == -4019 || r.Other == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return 1
	}
	if r.Status == 631 || r.Status == -631 { // want `631 is catalog.HTTPInvalidAppid` `-631 is not an HTTP status of the COS v4 API: did you mean 631`
		return 2
	}
	if c == RetCode(-4026) || lastRet() == -177 || other == -177 { // want `-4026 is catalog.ErrOffsetBackTooMuch` `-177 is catalog.ErrorCmdCosFileExist`
		return 3
	}
	return 0
}
