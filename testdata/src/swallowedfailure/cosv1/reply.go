package cosv1

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// This file is the client of the third author: the envelope is the error
// (a failure code comes back as *reply), parameters are a map with a
// chaining Set, and one upload helper sends every upload_slice call. The
// sliced upload hands the session back so that a caller can resume.

var replyEndPoint = "http://web.file.myqcloud.com/files/v1"

type reply struct {
	Code    int              `json:"code"`
	Message string           `json:"message"`
	Data    *json.RawMessage `json:"data"`
}

func (r *reply) Error() string { return fmt.Sprintf("code: %d, message: %s", r.Code, r.Message) }

type params map[string]string

func newParams(op string) params { return params{"op": op} }

func (m params) Set(k, v string) params {
	m[k] = v
	return m
}

type partResult struct {
	Session   string `json:"session"`
	Offset    int64  `json:"offset"`
	SliceSize int    `json:"slice_size"`
	URL       string `json:"url"`
}

type remote struct {
	appID, bucket, name string
	sign                func() string
}

func (f remote) url() string {
	return strings.Join([]string{replyEndPoint, f.appID, f.bucket, f.name}, "/")
}

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
	req, err := http.NewRequest("POST", f.url(), b)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", f.sign())
	req.Header.Set("Content-Type", w.FormDataContentType())
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
	if data != nil && r.Data != nil {
		return json.Unmarshal(*r.Data, data)
	}
	return nil
}

func sha1hex(p []byte) string {
	s := sha1.Sum(p)
	return strings.ToUpper(hex.EncodeToString(s[:]))
}

// UploadSlice: when the server refuses a slice, the function hands back
// the session "for the caller to resume" and a nil error; the caller
// sees a nil part with no error and moves on.
func (f remote) UploadSlice(local string, sliceSize int, session string) (*partResult, string, error) {
	file, err := os.Open(local)
	if err != nil {
		return nil, "", err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, "", err
	}
	h := sha1.New()
	if _, err := io.Copy(h, file); err != nil {
		return nil, "", err
	}
	first := new(partResult)
	open := newParams("upload_slice").
		Set("slice_size", strconv.Itoa(sliceSize)).
		Set("sha", strings.ToUpper(hex.EncodeToString(h.Sum(nil)))).
		Set("filesize", strconv.FormatInt(st.Size(), 10))
	if session != "" {
		open.Set("session", session)
	}
	if err := f.upload(nil, open, first); err != nil {
		return nil, "", err
	}
	if first.URL != "" {
		return first, "", nil
	}
	session = first.Session
	body := newParams("upload_slice").Set("session", session)
	b := make([]byte, first.SliceSize)
	for offset := first.Offset; offset < st.Size(); {
		n, rerr := file.ReadAt(b, offset)
		if rerr != nil && rerr != io.EOF {
			return nil, session, rerr
		}
		part := new(partResult)
		if err := f.upload(b[:n], body.Set("sha", sha1hex(b[:n])).Set("offset", strconv.FormatInt(offset, 10)), part); err != nil {
			var r *reply
			if errors.As(err, &r) {
				// the session is still open on the server: resume from it later
				return nil, session, nil // want "upload failure reported as success"
			}
			return nil, session, err
		}
		if part.URL != "" {
			return part, "", nil
		}
		offset += int64(n)
	}
	return nil, session, io.ErrUnexpectedEOF
}

// errResume carries the session of an interrupted upload.
type errResume struct {
	Session string
	Err     error
}

func (e *errResume) Error() string {
	return "cos: upload interrupted, resume " + e.Session + ": " + e.Err.Error()
}
func (e *errResume) Unwrap() error { return e.Err }

// Silent: the same resume hand-back, but as an error that carries the
// session.
func (f remote) UploadSliceResumable(file io.ReaderAt, size int64, session string, offset int64, sliceSize int) (*partResult, error) {
	body := newParams("upload_slice").Set("session", session)
	b := make([]byte, sliceSize)
	for offset < size {
		n, rerr := file.ReadAt(b, offset)
		if rerr != nil && rerr != io.EOF {
			return nil, rerr
		}
		part := new(partResult)
		if err := f.upload(b[:n], body.Set("offset", strconv.FormatInt(offset, 10)), part); err != nil {
			return nil, &errResume{Session: session, Err: err}
		}
		if part.URL != "" {
			return part, nil
		}
		offset += int64(n)
	}
	return nil, io.ErrUnexpectedEOF
}
