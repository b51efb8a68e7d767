// Package reuploadcos is a small COS v4 client: the library the other
// reupload fixtures use. Its retry classifiers and sets answer yes for
// some reupload codes, and are reported here.
package reuploadcos

import "github.com/errcodelint/errcodelint/catalog"

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

// Response is the JSON envelope of every answer.
type Response struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		SliceSize int64  `json:"slice_size"`
		Offset    int64  `json:"offset"`
	} `json:"data"`
}

// Client talks to one bucket.
type Client struct{ Bucket string }

func (c *Client) post(params map[string]string, body []byte) (*Response, error) {
	_ = endpoint + c.Bucket
	return &Response{}, nil
}

// InitUpload opens an upload session.
func (c *Client) InitUpload(path string, size int64) (*Response, error) { // want InitUpload:`^sends upload_slice_init$`
	return c.post(map[string]string{"op": "upload_slice_init", "path": path}, nil)
}

// SendSlice sends one slice into a session.
func (c *Client) SendSlice(session string, offset int64, data []byte) (*Response, error) { // want SendSlice:`^sends upload_slice_data$`
	return c.post(map[string]string{"op": "upload_slice_data", "session": session}, data)
}

// ListSlices lists the slices the server has, to resume.
func (c *Client) ListSlices(path string) (*Response, error) { // want ListSlices:`^sends upload_slice_list$`
	return c.post(map[string]string{"op": "upload_slice_list", "path": path}, nil)
}

// Finish closes a session.
func (c *Client) Finish(session string) (*Response, error) { // want Finish:`^sends upload_slice_finish$`
	return c.post(map[string]string{"op": "upload_slice_finish", "session": session}, nil)
}

// Stat reads an object's attributes.
func (c *Client) Stat(path string) (*Response, error) {
	return c.post(map[string]string{"op": "stat", "path": path}, nil)
}

// UploadFile uploads a whole file: a new session every time.
func (c *Client) UploadFile(path string, data []byte) (*Response, error) { // want UploadFile:`^sends upload_slice_init,upload_slice_data$`
	init, err := c.InitUpload(path, int64(len(data)))
	if err != nil {
		return nil, err
	}
	return c.SendSlice(init.Data.Session, 0, data)
}

// IsRetryable reports whether a request may be sent again as it is.
func IsRetryable(code int) bool { // want IsRetryable:`^retries reupload codes \[-4019\]$`
	switch code {
	case -71, catalog.ErrOffGoBack, -2:
		return true
	case -4019: // want `^IsRetryable answers yes for reupload code -4019 \(catalog\.ErrOffsetToZero: storing failed, upload again\), but resending cannot succeed: answer no and start a new upload with upload_slice_init or resume via upload_slice_list$`
		return true
	}
	return false
}

// RetryCodes are the codes after which a request is sent again.
var RetryCodes = []int{ // want RetryCodes:`^retries reupload codes \[-4026\]$`
	-71,
	-5997,
	-4026, // want `^RetryCodes lists reupload code -4026 \(catalog\.ErrOffsetBackTooMuch: the index was deleted or the SHA differs, upload again\) as retryable`
}

// Error is a failed answer.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

// Temporary reports whether the failure may go away by itself.
func (e *Error) Temporary() bool { // want Temporary:`^retries reupload codes \[-4027\]$`
	return e.Code == -71 || e.Code == catalog.ErrOffsetRedo // want `^Temporary answers yes for reupload code -4027 \(catalog\.ErrOffsetRedo: index error, upload again\)`
}

// ShouldRetry leaves the session codes out: not reported.
func ShouldRetry(code int) bool {
	switch code {
	case -4019, -4026, -4027:
		return false
	case -71, -4024, -2, 503:
		return true
	}
	return false
}

// NeedsReupload answers yes for session codes, rightly: its name does not
// say retry.
func NeedsReupload(code int) bool {
	return code == -4019 || code == -4026 || code == catalog.ErrOffsetRedo
}

// NonRetryableCodes lists session codes under a name that says no.
var NonRetryableCodes = []int{-4019, -4026, -4027}

// OK reports whether the answer is a success.
func (r *Response) OK() bool { return r.Code == 0 }
