// Package cosuser uses cosclient from another package: facts tell it which
// fields and methods hold codes.
package cosuser

import (
	"errors"

	"cosclient"
)

func handle(err error) bool {
	var e *cosclient.Error
	if errors.As(err, &e) && e.ErrCode() == -177 { // want `-177 is catalog.ErrorCmdCosFileExist`
		return true
	}
	return false
}

func status(r cosclient.Result, resp *cosclient.Response) bool {
	return r.Status == -4018 || resp.Code == -4016 // want `-4018 is catalog.ErrSameFileUpload` `-4016 is catalog.ErrNotSameSHA`
}

// A struct of this package with the same shape is not a COS envelope: this
// package builds no COS URL.
type reply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func own(r reply) bool { return r.Code == -4018 }
