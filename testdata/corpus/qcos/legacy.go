package qcos

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
)

// chunkSize is the slice size of PutLegacy.
var chunkSize int64 = 2 * 1024 * 1024

// PutLegacy is the uploader the registry backend used before UploadSlice
// existed; it is kept for the old buckets.
func (c *Client) PutLegacy(bucket, path, local string) (url string, err error) {
	fin, err := os.Open(local)
	if err != nil {
		return "", err
	}
	defer fin.Close()
	fi, err := fin.Stat()
	if err != nil {
		return "", err
	}
	requestURL := c.url(bucket, path)

	type drsp struct {
		Session   string `json:"session"`
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"Message"`
		Data    drsp   `json:"data"`
	}

	prep := qrsp{}
	if err := c.form(requestURL, bucket, map[string]string{
		"op":         "upload_slice_init",
		"filesize":   fmt.Sprint(fi.Size()),
		"slice_size": fmt.Sprint(chunkSize),
	}, nil, &prep); err != nil {
		return "", err
	}
	if prep.Code == -4018 { // expect: magic-code
		return prep.Data.AccessURL, errors.New("file exists")
	}
	session := prep.Data.Session

	var start int64
	data := make([]byte, chunkSize)
	for start < fi.Size() {
		n, rerr := fin.ReadAt(data, start)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		sum := sha1.Sum(data[:n])
		fields := map[string]string{
			"op":      "upload_slice_data",
			"session": session,
			"offset":  fmt.Sprint(start),
			"sha":     fmt.Sprintf("%x", sum),
		}
		for cnt := 0; ; cnt++ { // expect: reupload-retry
			rsp := qrsp{}
			err = c.form(requestURL, bucket, fields, data[:n], &rsp)
			if err == nil && rsp.Code == 0 {
				url = rsp.Data.AccessURL
				break
			}
			if cnt == 3 {
				return "The net is disconnected!!!", err // expect: swallowed-failure
			}
		}
		start += int64(n)
	}
	return url, nil
}

func (c *Client) form(requestURL, bucket string, fields map[string]string, content []byte, out any) error {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		field, _ := w.CreateFormField("filecontent")
		_, _ = field.Write(content)
	}
	if err := w.Close(); err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, requestURL, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.sign(bucket, ""))
	req.Header.Set("Content-Type", w.FormDataContentType())
	rsp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer rsp.Body.Close()
	return json.NewDecoder(rsp.Body).Decode(out)
}
