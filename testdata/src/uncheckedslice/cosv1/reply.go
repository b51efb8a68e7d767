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
	"os"
	"strconv"
	"strings"
)

// This file is the client of the third author: the envelope is the error
// (a failure code comes back as *reply), parameters are a map with a
// chaining Set, and one upload helper sends every upload_slice call.

var replyEndPoint = "http://web.file.myqcloud.com/files/v1"

// reply is the answer of every call, and the error of a failed one.
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

// upload posts the parameters, and the content if any, as a multipart
// form; a code other than 0 comes back as the *reply.
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
	return hex.EncodeToString(s[:])
}

// open is the first upload_slice call of a file.
func (f remote) open(size int64, sha string, sliceSize int) (*partResult, error) {
	first := new(partResult)
	err := f.upload(nil, newParams("upload_slice").
		Set("filesize", strconv.FormatInt(size, 10)).
		Set("sha", sha).
		Set("slice_size", strconv.Itoa(sliceSize)), first)
	return first, err
}

// sendAll reuses one params map for every slice, setting sha and offset
// on it; the error of upload (which is the server's answer when the code
// is not 0) is dropped at the call.
func (f remote) sendAll(file *os.File, session string, offset, size int64, sliceSize int) error {
	body := newParams("upload_slice").Set("session", session)
	b := make([]byte, sliceSize)
	for size > offset {
		n, rerr := file.ReadAt(b, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		part := new(partResult)
		f.upload(b[:n], body.Set("sha", sha1hex(b[:n])).Set("offset", strconv.FormatInt(offset, 10)), part) // want "slice sent without testing its reply"
		offset += int64(n)
	}
	return nil
}

// Silent: the loop only looks at whether the slice's answer carries the
// url (the last one does) and otherwise advances; the code is never read,
// but a condition reads the reply, which is what this check asks for.
func (f remote) sendAllUntilURL(file *os.File, session string, offset, size int64, sliceSize int) (string, error) {
	body := newParams("upload_slice").Set("session", session)
	b := make([]byte, sliceSize)
	for size > offset {
		n, rerr := file.ReadAt(b, offset)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		part := new(partResult)
		_ = f.upload(b[:n], body.Set("offset", strconv.FormatInt(offset, 10)), part)
		if len(part.URL) > 0 {
			return part.URL, nil
		}
		offset += int64(sliceSize)
	}
	return "", io.ErrUnexpectedEOF
}

// Silent: the opener's error is dropped (the session then is empty and
// the first slice fails loudly); the slices' errors are tested.
func (f remote) UploadFile(local string, sliceSize int) error {
	file, err := os.Open(local)
	if err != nil {
		return err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return err
	}
	h := sha1.New()
	if _, err := io.Copy(h, file); err != nil {
		return err
	}
	first, _ := f.open(st.Size(), strings.ToUpper(hex.EncodeToString(h.Sum(nil))), sliceSize)
	body := newParams("upload_slice").Set("session", first.Session)
	b := make([]byte, sliceSize)
	for offset := first.Offset; offset < st.Size(); offset += int64(sliceSize) {
		n, rerr := file.ReadAt(b, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		if err := f.upload(b[:n], body.Set("offset", strconv.FormatInt(offset, 10)), nil); err != nil {
			return fmt.Errorf("%s at %d: %w", f.name, offset, err)
		}
	}
	return nil
}
