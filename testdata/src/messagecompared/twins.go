package messagecompared

import (
	"fmt"
	"log"
	"strings"
)

// Twins: comparisons of the message that must stay silent.

// Silent: English messages of another API behind the same envelope (a
// proxy in front of COS answers in English).
func proxyExists(resp *Response) bool {
	return resp.Message == "file exists" || strings.Contains(resp.Message, "already exists")
}

// Silent: the empty message is no catalog message.
func hasMessage(resp *Response) bool {
	return resp.Message != ""
}

// Silent: a Chinese message that is not in the catalog.
func overloaded(resp *Response) bool {
	return strings.Contains(resp.Message, "服务器繁忙")
}

// Silent: a catalog fragment without a Chinese character ("session" is
// in several messages, but it is not the Chinese text of one).
func sessionTrouble(resp *Response) bool {
	return strings.Contains(resp.Message, "session")
}

// Silent: the message is only logged and wrapped.
func describe(resp *Response) error {
	log.Printf("cos: %d %s", resp.Code, resp.Message)
	return fmt.Errorf("cos: %s (%d)", resp.Message, resp.Code)
}

// Silent: the message compared with another value, not a constant.
func sameMessage(a, b *Response) bool {
	return a.Message == b.Message
}

// notice is a message shown to the user; it has a message but no code,
// so it is no envelope.
type notice struct {
	Title   string `json:"title"`
	Message string `json:"message"`
}

// Silent: a Chinese catalog message compared with the message of a
// struct without a code field.
func isDuplicateNotice(n notice) bool {
	return n.Message == "文件已存在"
}

// uploadTask is a row of the desktop tool's task list; Status holds the
// label shown to the user.
type uploadTask struct {
	Name   string
	Status string
}

// Silent: the Chinese constant is compared with another string field,
// not with the envelope's message.
func skippable(t uploadTask) bool {
	return t.Status == "文件已存在" || t.Status == "相同文件已上传过"
}

// The text of an error, not the envelope's field; but the package's
// envelope is its error type (ServiceError, nofix.go), whose text holds
// the message: the same test, one step removed (decided after the check:
// reported, with no fix, the code not being at hand).
func isExistErr(err error) bool {
	return err != nil && strings.Contains(err.Error(), "文件已存在") // want "message compared instead of code"
}

// Silent: the code, not the message.
func isSuccess(resp *Response) bool {
	return resp.Code == 0
}
