package uncheckedslice

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

// This file is the client of the "call" author: one generic
// call(op, key, params, content) for every operation, parameters as
// url.Values, an envelope tagged "msg", the error only the transport's.

const callRoot = "https://gz.file.myqcloud.com/files/v2"

type envelope struct {
	Code int             `json:"code"`
	Msg  string          `json:"msg"`
	Data json.RawMessage `json:"data"`
}

type initData struct {
	Session   string `json:"session"`
	SliceSize int    `json:"slice_size"`
	AccessURL string `json:"access_url"`
}

type uploader struct {
	appID, bucket string
	hc            *http.Client
	auth          func(key string) string

	mu     sync.Mutex
	status map[string][]string // key -> what happened, for the report
}

// call sends one operation on key.
func (u *uploader) call(op, key string, params url.Values, content []byte) (*envelope, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("op", op); err != nil {
		return nil, err
	}
	for k, vs := range params {
		for _, v := range vs {
			if err := w.WriteField(k, v); err != nil {
				return nil, err
			}
		}
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", key)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(content); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, callRoot+"/"+u.appID+"/"+u.bucket+"/"+key, &buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", u.auth(key))
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := u.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	env := new(envelope)
	if err := json.NewDecoder(res.Body).Decode(env); err != nil {
		return nil, err
	}
	return env, nil
}

// begin opens a session for size bytes.
func (u *uploader) begin(key string, size int) (*initData, error) {
	env, err := u.call("upload_slice_init", key, url.Values{
		"filesize":   {strconv.Itoa(size)},
		"slice_size": {strconv.Itoa(1 << 20)},
	}, nil)
	if err != nil {
		return nil, err
	}
	if env.Code != 0 {
		return nil, fmt.Errorf("init %s: %s", key, env.Msg)
	}
	var d initData
	if err := json.Unmarshal(env.Data, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// end closes the session.
func (u *uploader) end(key, session string, size int) error {
	env, err := u.call("upload_slice_finish", key, url.Values{
		"session":  {session},
		"filesize": {strconv.Itoa(size)},
	}, nil)
	if err != nil {
		return err
	}
	if env.Code != 0 {
		return fmt.Errorf("finish %s: %s", key, env.Msg)
	}
	return nil
}

// putLogged sends the parts one by one; each answer goes to the log and
// the loop carries on, so a refused part is noticed by whoever reads the
// log, not by the upload.
func (u *uploader) putLogged(key string, parts [][]byte) error {
	size := 0
	for _, p := range parts {
		size += len(p)
	}
	d, err := u.begin(key, size)
	if err != nil {
		return err
	}
	off := 0
	for i, part := range parts {
		v := url.Values{}
		v.Set("session", d.Session)
		v.Set("offset", strconv.Itoa(off))
		env, err := u.call("upload_slice_data", key, v, part) // want "slice sent without testing its reply"
		log.Printf("cos: %s part %d/%d: err=%v answer=%+v", key, i+1, len(parts), err, env)
		off += len(part)
	}
	return u.end(key, d.Session, size)
}

// putWithTail tests every full slice, but the short tail is sent after
// the loop and its answer is dropped before upload_slice_finish.
func (u *uploader) putWithTail(key string, r io.Reader, size int) error {
	d, err := u.begin(key, size)
	if err != nil {
		return err
	}
	buf := make([]byte, d.SliceSize)
	off := 0
	for ; off+d.SliceSize <= size; off += d.SliceSize {
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
		env, err := u.call("upload_slice_data", key, url.Values{"session": {d.Session}, "offset": {strconv.Itoa(off)}}, buf)
		if err != nil {
			return err
		}
		if env.Code != 0 {
			return fmt.Errorf("slice at %d of %s: %s", off, key, env.Msg)
		}
	}
	if off < size {
		tail := buf[:size-off]
		if _, err := io.ReadFull(r, tail); err != nil {
			return err
		}
		u.call("upload_slice_data", key, url.Values{"session": {d.Session}, "offset": {strconv.Itoa(off)}}, tail) // want "slice sent without testing its reply"
	}
	return u.end(key, d.Session, size)
}

// Silent: the tail is tested like the full slices.
func (u *uploader) putWithTailChecked(key string, r io.Reader, size int) error {
	d, err := u.begin(key, size)
	if err != nil {
		return err
	}
	buf := make([]byte, d.SliceSize)
	for off := 0; off < size; off += d.SliceSize {
		n := min(d.SliceSize, size-off)
		if _, err := io.ReadFull(r, buf[:n]); err != nil {
			return err
		}
		env, err := u.call("upload_slice_data", key, url.Values{"session": {d.Session}, "offset": {strconv.Itoa(off)}}, buf[:n])
		if err != nil {
			return err
		}
		if env.Code != 0 {
			return fmt.Errorf("slice at %d of %s: %s", off, key, env.Msg)
		}
	}
	return u.end(key, d.Session, size)
}

// record keeps what happened to one part for the end-of-run report, and
// says whether the upload may go on.
func (u *uploader) record(key string, off int, env *envelope, err error) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.status == nil {
		u.status = map[string][]string{}
	}
	switch {
	case err != nil:
		u.status[key] = append(u.status[key], fmt.Sprintf("%d: %v", off, err))
		return err
	case env.Code != 0:
		u.status[key] = append(u.status[key], fmt.Sprintf("%d: %d %s", off, env.Code, env.Msg))
		return errors.New(env.Msg)
	}
	return nil
}

// Silent: every answer is handed to record, a function of the program
// (not a printf), before the next part goes out.
func (u *uploader) putRecorded(key string, parts [][]byte) error {
	size := 0
	for _, p := range parts {
		size += len(p)
	}
	d, err := u.begin(key, size)
	if err != nil {
		return err
	}
	off := 0
	var failed error
	for _, part := range parts {
		env, err := u.call("upload_slice_data", key, url.Values{"session": {d.Session}, "offset": {strconv.Itoa(off)}}, part)
		failed = errors.Join(failed, u.record(key, off, env, err))
		off += len(part)
	}
	if failed != nil {
		return failed
	}
	return u.end(key, d.Session, size)
}
