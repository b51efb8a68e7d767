// Package cosclient is a fake COS v4 client: it builds the API's URLs and
// decodes its JSON envelope, so its code field holds response codes.
package cosclient

import (
	"errors"
	"fmt"
	"net/http"
)

const endpoint = "http://sh.file.myqcloud.com/files/v2/"

// Response is the v4 JSON envelope.
type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
	Data    struct {
		Session string `json:"session"`
		Offset  int    `json:"offset"`
	} `json:"data"`
}

// Error carries a code out of the client.
type Error struct {
	code int // want code:"code source: response code"
	msg  string
}

func (e *Error) Error() string { return e.msg }

// ErrCode returns the response code: importing packages learn through a
// fact that its result holds codes.
func (e *Error) ErrCode() int { return e.code } // want ErrCode:"code source: response code"

// Result holds a status copied from the HTTP response.
type Result struct {
	Status int // want Status:"code source: response code"
	Count  int
}

func send(op string) (*Response, *http.Response, error) { return &Response{}, &http.Response{}, nil }

func Stat(path string) error {
	resp, hresp, err := send("stat")
	if err != nil {
		return err
	}
	if hresp.StatusCode == 404 { // want `404 is http.StatusNotFound \(文件不存在: the file does not exist\)`
		return errors.New("missing")
	}
	if hresp.StatusCode == 612 { // want `612 is catalog.HTTPFileNotexist \(查无此文件: no such file\)`
		return errors.New("missing")
	}
	if hresp.StatusCode == 613 { // want `613 is not an HTTP status of the COS v4 API: did you mean 631 \(catalog.HTTPInvalidAppid\)`
		return errors.New("typo")
	}
	if hresp.StatusCode == 502 { // a standard status the list does not name: not this API's business
		return errors.New("proxy")
	}
	if resp.Code == -166 { // want `-166 is catalog.ErrorCmdCosIndexError \(索引不存在: the index does not exist \(no such file or directory\)\)`
		return errors.New("missing")
	}
	if resp.Code == 0 { // success is self-explanatory
		return nil
	}
	return &Error{code: resp.Code, msg: resp.Message}
}

func Upload(path string) error { // want Upload:"sends upload_slice_init"
	resp, _, err := send("upload_slice_init")
	if err != nil {
		return err
	}
	// Every comparison form, either operand order.
	if resp.Code == -4018 || -177 == resp.Code { // want `-4018 is catalog.ErrSameFileUpload` `-177 is catalog.ErrorCmdCosFileExist`
		return nil
	}
	if resp.Code != (-4019) && resp.Code != -(4026) { // want `-4019 is catalog.ErrOffsetToZero \(入库失败，请重新上传: storing failed, upload again\)` `-4026 is catalog.ErrOffsetBackTooMuch`
		return nil
	}
	switch resp.Code {
	case -71, -4024: // want `-71 is catalog.ErrorProxyFreqControl \(操作太频繁,请稍后再试: too many requests, try again later\)` `-4024 is catalog.ErrOffGoBack`
		return errors.New("retry")
	case 4019: // want `4019 is not a COS v4 response code: did you mean -4019 \(catalog.ErrOffsetToZero\)`
		return errors.New("sign slip")
	case -4091: // want `-4091 is not a COS v4 response code: did you mean -4019 \(catalog.ErrOffsetToZero\)`
		return errors.New("swapped digits")
	case -61: // want `-61 is ambiguous in the COS v4 code list: catalog.ErrorProxySignBucketNotmatch .* or catalog.ErrorProxyInvalidCmdReq .*; name the one you mean`
		return errors.New("ambiguous")
	case -123456: // want `-123456 is not a COS v4 response code$`
		return errors.New("nothing near")
	}
	// A code copied into a local, then into another type's field.
	code := resp.Code
	if code == -5997 { // want `-5997 is catalog.ErrorCgiNetwork`
		return nil
	}
	if int64(code) == int64(-5984) { // want `-5984 is catalog.ErrorCgiShaNotMatch`
		return nil
	}
	r := Result{Status: code, Count: 3}
	if r.Status == -96 { // want `-96 is catalog.ErrorProxyAuthExpired`
		return nil
	}
	if r.Count == -96 { // the count is not a code
		return errors.New("count")
	}
	return fmt.Errorf("upload: %d", code)
}

// classify receives codes from its callers: its parameter holds codes.
func classify(code int) string {
	if code == -4027 { // want `-4027 is catalog.ErrOffsetRedo`
		return "restart"
	}
	return ""
}

func useClassify(resp *Response) string { return classify(resp.Code) }

// Named results carry codes out too.
func lastCode(resp *Response) (code int, err error) { // want lastCode:"code source: response code"
	code = resp.Code
	return
}

func useLastCode(resp *Response) bool {
	c, _ := lastCode(resp)
	return c == -4013 // want `-4013 is catalog.ErrDecodeSession`
}

// Integers that are not codes stay silent, whatever their value.
func unrelated(args []string, exit int) bool {
	if len(args) == -4019 || exit == -4019 {
		return true
	}
	switch exit {
	case -1, -2, -4026:
		return true
	}
	return false
}
