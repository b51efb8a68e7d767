// Package cosv1 holds clients of the older files/v1 API
// (web.file.myqcloud.com/files/v1/), where one op string, upload_slice,
// opens the session (the call with filesize, sha and slice_size) and sends
// every slice (the calls with session, offset and filecontent). Nothing in
// this package spells a files/v2 op, and it imports nothing of the
// linter's: a real v1 client looks like this.
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
// written into a multipart body, and a do helper that knows no operation.

const bucketDomain = "web.file.myqcloud.com"

type bucketConfig struct {
	AppID      uint
	RetryTimes uint
	SliceLimit int
	Sign       func() string
}

// bucket is one COS bucket.
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

// sliceResponse answers upload_slice: the first call and every slice.
type sliceResponse struct {
	baseResponse
	Data struct {
		Session   string `json:"session"`
		Offset    int64  `json:"offset"`
		SliceSize int    `json:"slice_size"`
		AccessURL string `json:"access_url"`
		URL       string `json:"url"`
	} `json:"data"`
}

func (b *bucket) resURL(path string) string {
	return fmt.Sprintf("http://%s/files/v1/%d/%s%s", bucketDomain, b.Config.AppID, b.Name, path)
}

// multipartBody writes the fields, and the content if there is one, as
// multipart/form-data.
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

// prepare is the first upload_slice call: file size, SHA and slice size,
// no session yet. The answer has the session (or the url when the server
// has the file already).
func (b *bucket) prepare(path string, size int64, sha string, sliceSize int) (*sliceResponse, error) {
	fields := map[string]string{
		"op":         "upload_slice",
		"filesize":   strconv.FormatInt(size, 10),
		"sha":        sha,
		"slice_size": strconv.Itoa(sliceSize),
	}
	body, hdr, err := multipartBody(fields, nil)
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

func readSection(src string, off int64, n int) ([]byte, error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := f.ReadAt(buf, off)
	if err != nil && err != io.EOF {
		return nil, err
	}
	return buf[:k], nil
}
