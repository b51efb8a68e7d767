// Package reuploadclassify holds retry classifiers and sets of a COS v4
// client, right and wrong.
package reuploadclassify

import "github.com/errcodelint/errcodelint/catalog"

const opData = "upload_slice_data"

// A local constant, named for what it means.
const codeSessionBroken = -4019

func shouldRetry(code int) bool {
	if code == -71 || code == codeSessionBroken { // want `^shouldRetry answers yes for reupload code -4019 \(catalog\.ErrOffsetToZero`
		return true
	}
	return code == -(4026) // want `^shouldRetry answers yes for reupload code -4026 `
}

func isRetriable(code int64) bool {
	switch {
	case code == catalog.ErrorCmdCosShaNotEqu: // want `^isRetriable answers yes for reupload code -174 \(catalog\.ErrorCmdCosShaNotEqu: the file SHA does not match\)`
		return true
	case code == -5997:
		return true
	}
	return false
}

// canRetry answers with a budget: still a yes for the session code.
func canRetry(code, attempt int) (bool, int) {
	switch code {
	case -5984: // want `^canRetry answers yes for reupload code -5984 `
		return attempt < 3, attempt + 1
	}
	return false, 0
}

// isTransient answers yes for every failure.
func isTransient(code int) bool {
	return code != 0 // want `^isTransient answers yes for every failure code, including reupload codes such as -4019 \(catalog\.ErrOffsetToZero: storing failed, upload again\): answer no for them and start a new upload`
}

var retryable = func(code int) bool {
	return code == -4027 // want `^retryable answers yes for reupload code -4027 `
}

var retryableCodes = map[int]bool{
	-71:   true,
	-4019: true, // want `^retryableCodes lists reupload code -4019 `
	-4026: false,
}

var transientErrs = map[int]struct{}{
	-2:                           {},
	catalog.ErrOffsetBackTooMuch: {}, // want `^transientErrs lists reupload code -4026 `
}

type policy struct {
	RetryCodes []int
	Max        int
}

var defaultPolicy = policy{
	RetryCodes: []int{-71, -4024, -4027}, // want `^RetryCodes lists reupload code -4027 `
	Max:        3,
}

// The right ones: retry-class codes only, or session codes said no to.

func isRetryableOK(code int) bool {
	switch code {
	case -71, -4024, -2, 503, -5997:
		return true
	case -4019, -4026, -4027:
		return false
	}
	return false
}

func shouldRetryAfterSessionCheck(code int) bool {
	if code == -4019 || code == -4026 {
		return false
	}
	return code != 0
}

func isFatal(code int) bool { return code == -4019 }

var noRetryCodes = []int{-4019, -4026}

var retryCodesOK = []int{-71, -4024, -2, 503}

var retryHTTPStatuses = map[int]bool{500: true, 503: true, 504: true}

var _ = opData

type answer struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func sendSliceData(session string, offset int) answer { return answer{} }

// A comma-ok lookup in the retry set decides the retry, which is
// reported where it happens as well as where the set lists the code.
func commaOK(session string, size int) {
	for offset := 0; offset < size; {
		a := sendSliceData(session, offset)
		if _, ok := retryableCodes[a.Code]; ok { // want `^retryableCodes answers yes for reupload code -4019 .*, so this retry resends in a broken upload session`
			continue
		}
		offset += 1 << 20
	}
}
