package swallowedfailure

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// This file is the client of the "call" author: one generic call(op, key,
// params, content) for every operation, parameters as map[string]string,
// the envelope tagged "msg", the error only the transport's.

const callHost = "https://%s.file.myqcloud.com/files/v2/%s/%s/%s"

type envelope struct {
	Code int             `json:"code"`
	Msg  string          `json:"msg"`
	Data json.RawMessage `json:"data"`
}

type api struct {
	region, appID, bucket string
	hc                    *http.Client
	token                 func() string
	chunk                 int
	maxTries              int
	backoff               time.Duration
}

var errSlicesFailed = errors.New("cos: some slices were refused")

func (a *api) call(op, key string, params map[string]string, content []byte) (*envelope, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("op", op); err != nil {
		return nil, err
	}
	for k, v := range params {
		if err := w.WriteField(k, v); err != nil {
			return nil, err
		}
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", path.Base(key))
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
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf(callHost, a.region, a.appID, a.bucket, key), &buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", a.token())
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := a.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	env := &envelope{}
	if err := json.NewDecoder(res.Body).Decode(env); err != nil {
		return nil, err
	}
	return env, nil
}

func (a *api) finish(key, sid string, size int) error {
	env, err := a.call("upload_slice_finish", key, map[string]string{
		"session":  sid,
		"filesize": strconv.Itoa(size),
	}, nil)
	if err != nil {
		return err
	}
	if env.Code != 0 {
		return fmt.Errorf("finish %s: %s", key, env.Msg)
	}
	return nil
}

// putSlices tries every slice three times, the way the official SDKs do,
// and goes on with the next slice when the three tries failed: the
// upload then reports success with a slice missing.
func (a *api) putSlices(key, sid string, data []byte) error {
	for pos := 0; pos < len(data); pos += a.chunk {
		end := min(pos+a.chunk, len(data))
		var env *envelope
		var err error
		for i := 0; i < 3; i++ {
			env, err = a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, data[pos:end])
			if err == nil && env.Code == 0 { // want "slice resent in the same upload session"
				break
			}
		}
	}
	fin, err := a.call("upload_slice_finish", key, map[string]string{"session": sid, "filesize": strconv.Itoa(len(data))}, nil)
	if err != nil {
		return err
	}
	if fin.Code != 0 {
		return fmt.Errorf("finish %s: %s", key, fin.Msg)
	}
	return nil // want "upload failure reported as success"
}

// pushDoWhile retries the network and the rate limit in a do/while with
// a budget; any other code ends the upload. When the budget is spent the
// loop breaks out and the upload goes on to the next slice.
func (a *api) pushDoWhile(key, sid string, data []byte) error {
	for pos := 0; pos < len(data); pos += a.chunk {
		end := min(pos+a.chunk, len(data))
		n := 0
		for {
			env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, data[pos:end])
			if err != nil || env.Code == catalog.ErrorProxyFreqControl {
				n++
				if n >= a.maxTries {
					log.Printf("%s at %d: giving up after %d tries", key, pos, n)
					break
				}
				time.Sleep(a.backoff)
				continue
			}
			if env.Code != 0 {
				return fmt.Errorf("%s at %d: %s", key, pos, env.Msg)
			}
			break
		}
	}
	if err := a.finish(key, sid, len(data)); err != nil {
		return err
	}
	return nil // want "upload failure reported as success"
}

// Silent: the same do/while, but a spent budget ends the upload with an
// error; the retry resends the same slice (the network or -71), which
// gets a new answer.
func (a *api) pushDoWhileChecked(key, sid string, data []byte) error {
	for pos := 0; pos < len(data); pos += a.chunk {
		end := min(pos+a.chunk, len(data))
		n := 0
		for {
			env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, data[pos:end])
			if err != nil || env.Code == catalog.ErrorProxyFreqControl {
				n++
				if n >= a.maxTries {
					return fmt.Errorf("%s at %d: out of tries (last error: %v)", key, pos, err)
				}
				time.Sleep(a.backoff)
				continue
			}
			if env.Code != 0 {
				return fmt.Errorf("%s at %d: %s", key, pos, env.Msg)
			}
			break
		}
	}
	if err := a.finish(key, sid, len(data)); err != nil {
		return err
	}
	return nil
}

// Silent: a refused slice is counted and skipped, and the counter is
// compared with zero before anything reports success.
func (a *api) pushCounting(key, sid string, data []byte) error {
	failed := 0
	for pos := 0; pos < len(data); pos += a.chunk {
		end := min(pos+a.chunk, len(data))
		env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, data[pos:end])
		if err != nil || env.Code != 0 {
			failed++
			continue
		}
		log.Printf("%s: %d/%d bytes", key, end, len(data))
	}
	if failed > 0 {
		return fmt.Errorf("%s: %d slices: %w", key, failed, errSlicesFailed)
	}
	if err := a.finish(key, sid, len(data)); err != nil {
		return err
	}
	return nil
}
