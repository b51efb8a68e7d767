// Package coserr is a COS v4 (files/v2) client whose calls fail with
// *Error, in the style of the AWS SDKs: callers look at ErrCode.
package coserr

import (
	"errors"
	"fmt"
)

// codeNetwork is what Code returns for a transport failure; the official
// SDKs use -2 for it.
const codeNetwork = -2

// Error is a COS answer with a non-zero code.
type Error struct {
	Op        string
	Status    int // HTTP status of the answer
	code      int
	Message   string
	RequestID string
}

func (e *Error) Error() string {
	return fmt.Sprintf("cos %s: %s (code %d, HTTP %d, request %s)", e.Op, e.Message, e.code, e.Status, e.RequestID)
}

// ErrCode returns the business code of the answer.
func (e *Error) ErrCode() int { return e.code }

// HTTPStatus returns the HTTP status of the answer.
func (e *Error) HTTPStatus() int { return e.Status }

// Code returns the business code carried by err: 0 for nil, the network
// code for errors that are not COS answers.
func Code(err error) int {
	if err == nil {
		return 0
	}
	var e *Error
	if errors.As(err, &e) {
		return e.ErrCode()
	}
	return codeNetwork
}

// IsNotFound reports whether err says the file does not exist.
func IsNotFound(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.ErrCode() == -197 || e.HTTPStatus() == 404 // expect: magic-code magic-code
}
