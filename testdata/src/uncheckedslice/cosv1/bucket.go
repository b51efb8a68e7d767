// Package cosv1 holds unchecked-slice fixtures in clients of the older
// files/v1 API (web.file.myqcloud.com/files/v1/), where one op string,
// upload_slice, opens the session (the call with filesize, sha and
// slice_size) and sends every slice (the calls with session, offset and
// filecontent). Nothing here spells a files/v2 op or imports the linter's
// packages: a real v1 client looks like this.
package cosv1

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
)

// This file is the client of the first author: one response type per
// operation with the envelope embedded, requests as map[string]string
// written into a multipart body, and a do helper that returns the raw
// answer and knows no operation.

const cosDomain = "web.file.myqcloud.com"

type bucketConfig struct {
	AppID      uint
	SliceLimit int64
	Sign       func() string
}

type bucket struct {
	Name   string
	Config *bucketConfig
	HC     *http.Client
}

// baseResponse is what every answer carries.
type baseResponse struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// sliceResponse answers upload_slice: the opener and every slice.
type sliceResponse struct {
	baseResponse
	Data struct {
		Session   string `json:"session"`
		Offset    int64  `json:"offset"`
		SliceSize int64  `json:"slice_size"`
		AccessURL string `json:"access_url"`
		URL       string `json:"url"`
	} `json:"data"`
}

func (b *bucket) resURL(path string) string {
	return fmt.Sprintf("http://%s/files/v1/%d/%s%s", cosDomain, b.Config.AppID, b.Name, path)
}

func multipartBody(fields map[string]string, content []byte) (io.Reader, map[string]string, error) {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	if content != nil {
		fw, err := w.CreateFormField("filecontent")
		if err != nil {
			return nil, nil, err
		}
		if _, err := fw.Write(content); err != nil {
			return nil, nil, err
		}
	}
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if err := w.Close(); err != nil {
		return nil, nil, err
	}
	return body, map[string]string{"Content-Type": w.FormDataContentType()}, nil
}

// do sends a request and returns the raw answer.
func (b *bucket) do(method, path string, headers map[string]string, body io.Reader) ([]byte, error) {
	req, err := http.NewRequest(method, b.resURL(path), body)
	if err != nil {
		return nil, err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	req.Header.Set("Authorization", b.Config.Sign())
	res, err := b.HC.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

// prepare is the opening upload_slice: size, SHA and slice size, no
// session yet.
func (b *bucket) prepare(path string, size int64, sha string) (*sliceResponse, error) {
	body, hdr, err := multipartBody(map[string]string{
		"op":         "upload_slice",
		"filesize":   strconv.FormatInt(size, 10),
		"sha":        sha,
		"slice_size": strconv.FormatInt(b.Config.SliceLimit, 10),
	}, nil)
	if err != nil {
		return nil, err
	}
	raw, err := b.do(http.MethodPost, path, hdr, body)
	if err != nil {
		return nil, err
	}
	resp := &sliceResponse{}
	if err := json.Unmarshal(raw, resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// uploadData sends the slices after prepare and keeps only the raw
// answer of the last one, which carries the access URL; the answers
// before it are overwritten unread.
func (b *bucket) uploadData(path, local, session string, offset, size int64) (*sliceResponse, error) {
	f, err := os.Open(local)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var last []byte
	buf := make([]byte, b.Config.SliceLimit)
	for offset < size {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return nil, err
		}
		body, hdr, err := multipartBody(map[string]string{
			"op":      "upload_slice",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n])
		if err != nil {
			return nil, err
		}
		raw, _ := b.do(http.MethodPost, path, hdr, body) // want "slice sent without testing its reply"
		last = raw
		offset += int64(n)
	}
	resp := &sliceResponse{}
	if err := json.Unmarshal(last, resp); err != nil {
		return nil, err
	}
	if resp.Code != 0 {
		return nil, fmt.Errorf("cos: %s", resp.Message)
	}
	return resp, nil
}

// Silent: each raw answer is decoded and its code tested before the next
// slice: the test reads a value decoded from the reply's body.
func (b *bucket) uploadDataChecked(path, local, session string, offset, size int64) (*sliceResponse, error) {
	f, err := os.Open(local)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	resp := &sliceResponse{}
	buf := make([]byte, b.Config.SliceLimit)
	for offset < size {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return nil, err
		}
		body, hdr, err := multipartBody(map[string]string{
			"op":      "upload_slice",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n])
		if err != nil {
			return nil, err
		}
		raw, _ := b.do(http.MethodPost, path, hdr, body)
		resp = &sliceResponse{}
		if err := json.Unmarshal(raw, resp); err != nil {
			return nil, err
		}
		if resp.Code != 0 {
			return nil, fmt.Errorf("cos: slice at %d: %s", offset, resp.Message)
		}
		offset += int64(n)
	}
	return resp, nil
}

// Silent: the opener's answer is only read for its session, never tested
// (a bug of its own, but not this check's): the opener carries filesize
// and sha, not session and offset, so it is not a slice send.
func (b *bucket) UploadSlice(path, local string, size int64, sha string) (*sliceResponse, error) {
	prep, _ := b.prepare(path, size, sha)
	return b.uploadDataChecked(path, local, prep.Data.Session, prep.Data.Offset, size)
}
