// Package catalogevidence builds no COS URL, but compares its field with a
// catalog constant: the author said the field holds codes.
package catalogevidence

import "github.com/errcodelint/errcodelint/catalog"

type result struct {
	Ret    int // want Ret:"code source: response code"
	Status int // want Status:"code source: HTTP status"
	Other  int
}

func handle(r result) bool {
	if r.Ret == catalog.ErrSameFileUpload || r.Ret == -177 { // want `-177 is catalog.ErrorCmdCosFileExist`
		return true
	}
	switch r.Status {
	case catalog.HTTPFileNotexist:
		return false
	case 631: // want `631 is catalog.HTTPInvalidAppid`
		return false
	case -4019: // want `-4019 is not an HTTP status of the COS v4 API`
		return false
	}
	// catalog.Code.Value holds codes by construction.
	for _, c := range catalog.All() {
		if c.Value == -4026 { // want `-4026 is catalog.ErrOffsetBackTooMuch`
			return true
		}
	}
	return r.Other == -177 // never compared with a catalog constant: silent
}
