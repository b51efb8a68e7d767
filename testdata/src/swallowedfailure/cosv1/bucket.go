// Package cosv1 holds swallowed-failure fixtures in clients of the older
// files/v1 API (web.file.myqcloud.com/files/v1/), where one op string,
// upload_slice, opens the session (filesize, sha, slice_size) and sends
// every slice (session, offset, filecontent). Nothing here spells a
// files/v2 op or imports the linter's packages.
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

type baseResponse struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

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

// UploadSlice: a slice the server refuses ends the loop ("the server
// keeps what it has, the next call resumes"), and the last good answer
// is handed back with a nil error.
func (b *bucket) UploadSlice(path, local string, size int64, sha string) (*sliceResponse, error) {
	prep, err := b.prepare(path, size, sha)
	if err != nil {
		return nil, err
	}
	if prep.Code != 0 {
		return nil, fmt.Errorf("cos: %s", prep.Message)
	}
	if prep.Data.URL != "" {
		return prep, nil
	}
	f, err := os.Open(local)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	last := prep
	offset := prep.Data.Offset
	buf := make([]byte, prep.Data.SliceSize)
	for offset < size {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return nil, err
		}
		body, hdr, err := multipartBody(map[string]string{
			"op":      "upload_slice",
			"session": prep.Data.Session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n])
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
		if resp.Code != 0 {
			break
		}
		last = resp
		offset += int64(n)
	}
	return last, nil // want "upload failure reported as success"
}

// Silent: the same loop returns the refused slice's message as an error.
func (b *bucket) UploadSliceChecked(path, local string, size int64, sha string) (*sliceResponse, error) {
	prep, err := b.prepare(path, size, sha)
	if err != nil {
		return nil, err
	}
	if prep.Code != 0 {
		return nil, fmt.Errorf("cos: %s", prep.Message)
	}
	if prep.Data.URL != "" {
		return prep, nil
	}
	f, err := os.Open(local)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	last := prep
	offset := prep.Data.Offset
	buf := make([]byte, prep.Data.SliceSize)
	for offset < size {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return nil, err
		}
		body, hdr, err := multipartBody(map[string]string{
			"op":      "upload_slice",
			"session": prep.Data.Session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n])
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
		if resp.Code != 0 {
			return resp, fmt.Errorf("cos: slice at %d: %s", offset, resp.Message)
		}
		last = resp
		offset += int64(n)
	}
	return last, nil
}
