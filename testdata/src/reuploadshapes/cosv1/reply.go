package cosv1

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
)

// This file is the client of the third author: the envelope is the error
// (a failure code comes back as *reply), the HTTP status is written into
// the code field when the body said 0, parameters are a map with a
// chaining Set, and one upload helper sends every upload_slice call.

var replyEndPoint = "http://web.file.myqcloud.com/files/v1"

// reply is the answer of every call, and the error of a failed one.
type reply struct {
	Code    int              `json:"code"`
	Message string           `json:"message"`
	Data    *json.RawMessage `json:"data"`
}

func (r *reply) Error() string {
	return fmt.Sprintf("code: %d, message: %s", r.Code, r.Message)
}

type params map[string]string

func newParams(op string) params { return params{"op": op} }

func (m params) Set(k, v string) params {
	m[k] = v
	return m
}

func do(method, urlStr string, header http.Header, body io.Reader, data any) error {
	req, err := http.NewRequest(method, urlStr, body)
	if err != nil {
		return err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	r := new(reply)
	if err := json.NewDecoder(res.Body).Decode(r); err != nil {
		return err
	}
	if r.Code != 0 {
		return r
	}
	if res.StatusCode != http.StatusOK {
		r.Code = res.StatusCode
		return r
	}
	if data != nil {
		if r.Data == nil {
			r.Code = -1 // ours: code 0, but no data field
			r.Message = "no data"
			return r
		}
		return json.Unmarshal(*r.Data, data)
	}
	return nil
}

// remote is one file in a bucket.
type remote struct {
	appID, bucket, name string
	sign                func() string
}

func (f remote) url() string {
	return strings.Join([]string{replyEndPoint, f.appID, f.bucket, f.name}, "/")
}

// upload posts the parameters, and the content if any, as a multipart
// form: the small upload and every upload_slice call go through here.
func (f remote) upload(content []byte, body params, data any) error {
	b := new(bytes.Buffer)
	w := multipart.NewWriter(b)
	for k, v := range body {
		if err := w.WriteField(k, v); err != nil {
			return err
		}
	}
	if content != nil {
		file, err := w.CreateFormFile("filecontent", "")
		if err != nil {
			return err
		}
		if _, err := file.Write(content); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	header := http.Header{
		"Authorization":  {f.sign()},
		"Content-Type":   {"multipart/form-data; boundary=" + w.Boundary()},
		"Content-Length": {strconv.Itoa(b.Len())},
	}
	return do("POST", f.url(), header, b, data)
}

type partResult struct {
	Offset    int64  `json:"offset"`
	Session   string `json:"session"`
	AccessURL string `json:"access_url"`
	URL       string `json:"url"`
}

type firstPart struct {
	SliceSize int `json:"slice_size"`
	partResult
}

func sha1hex(p []byte) string {
	s := sha1.Sum(p)
	return strings.ToUpper(hex.EncodeToString(s[:]))
}
