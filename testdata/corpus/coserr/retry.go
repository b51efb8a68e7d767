package coserr

import "errors"

// IsRetryable reports whether the request that failed with err may be
// sent again as it is.
func IsRetryable(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return true // the request never got an answer
	}
	switch e.ErrCode() {
	case -71, -4024, -5997: // 操作太频繁 / 偏移量回退，请重试 / 后端网络错误 // expect: magic-code magic-code magic-code
		return true
	case -4019, -4026: // 请重新上传 // expect: magic-code magic-code reupload-retry
		return true
	}
	return e.HTTPStatus() == 503 // expect: magic-code
}

// retryableCodes are more codes for which UploadSlices sends a slice
// again, on top of IsRetryable.
var retryableCodes = map[int]bool{
	-2:    true, // expect: magic-code
	-98:   true, // expect: magic-code
	-4027: true, // 索引错误，请重新上传 // expect: magic-code reupload-retry
}
