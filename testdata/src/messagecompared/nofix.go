package messagecompared

import (
	"encoding/json"
	"errors"
	"strings"
)

// Reported without a fix: the code field is a string (or a json.Number),
// a switch case, or a constant found in the messages of several codes.
// No fix is applied in this file, so it has no .golden.

// ServiceError is how the old gateway answered: the code is a string.
type ServiceError struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

func (e *ServiceError) Error() string { return e.Code + ": " + e.Message }

// IsExist reports whether err says the file is there already.
func IsExist(err error) bool {
	var se *ServiceError
	return errors.As(err, &se) && se.Message == "文件已存在" // want "message compared instead of code"
}

// numberReply decodes the code as a json.Number (UseNumber decoders).
type numberReply struct {
	Code    json.Number `json:"code"`
	Message string      `json:"message"`
}

func busy(r *numberReply) bool {
	return r.Message == "操作太频繁,请稍后再试" // want "message compared instead of code"
}

// notFound: "文件不存在" is the message of several codes (a download
// status, the OSS family, the SDK's own), and "索引不存在" of -166 and
// -144; no single constant replaces them.
func notFound(resp *Response) bool {
	if "文件不存在" == resp.Message { // want "message compared instead of code"
		return true
	}
	return strings.Contains(resp.Message, "索引不存在") // want "message compared instead of code"
}

// exists: "已存在" is in "文件已存在" (-177) and "Bucket已存在" (-176).
func exists(resp *Response) bool {
	return strings.HasSuffix(resp.Message, "已存在") // want "message compared instead of code"
}

// mustRestart: "请重新上传" ends the messages of -4019, -4026 and -4027.
func mustRestart(r *gwReply) bool {
	return strings.Contains(r.Msg, "请重新上传") // want "message compared instead of code"
}
