// Package messagecompared holds fixtures of the message-compared check:
// clients of the files/v2 API that branch on the Chinese message of the
// envelope instead of its code. Every comparison that must be reported
// carries the expected diagnostic; the files with fixes have a .golden
// beside them with every fix applied. Twins (silent) are in twins.go and
// in the package messagecompared/other, which does not talk to COS.
package messagecompared

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file is the client of the "sdk" author: one response type per
// operation with the envelope embedded, requests as form maps written
// into a multipart body. It does not import the catalog: each fix adds
// the import.

const endpoint = "https://sh.file.myqcloud.com/files/v2/%s/%s/%s"

// Response is what every answer carries.
type Response struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// UploadResponse answers op=upload and upload_slice_data.
type UploadResponse struct {
	Response
	Data struct {
		AccessURL string `json:"access_url"`
		Session   string `json:"session"`
	} `json:"data"`
}

// Client talks to one bucket.
type Client struct {
	AppID, Bucket string
	Sign          func(path string) string
	HTTP          *http.Client
}

func (c *Client) post(path string, fields map[string]string, content []byte, out any) error {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			return err
		}
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", path)
		if err != nil {
			return err
		}
		if _, err := fw.Write(content); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	path = strings.TrimPrefix(path, "/")
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf(endpoint, c.AppID, c.Bucket, path), body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.Sign(path))
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(out)
}

// Upload sends a small file in one request. The same file uploaded
// before is success: the server says so in words.
func (c *Client) Upload(path string, content []byte) (string, error) {
	var resp UploadResponse
	if err := c.post(path, map[string]string{"op": "upload", "insertOnly": "0"}, content, &resp); err != nil {
		return "", err
	}
	if resp.Message == "相同文件已上传过" { // want "message compared instead of code"
		return resp.Data.AccessURL, nil
	}
	if resp.Code != 0 {
		return "", fmt.Errorf("cos: upload %s: %s", path, resp.Message)
	}
	return resp.Data.AccessURL, nil
}

// CreateFolder creates a directory; one that is there already (a path
// conflict) is fine.
func (c *Client) CreateFolder(path string) error {
	var resp Response
	if err := c.post(strings.TrimSuffix(path, "/")+"/", map[string]string{"op": "create"}, nil, &resp); err != nil {
		return err
	}
	if resp.Code != 0 && resp.Message != "路径冲突" { // want "message compared instead of code"
		return fmt.Errorf("cos: create %s: %s", path, resp.Message)
	}
	return nil
}

// sendSlice sends one slice and waits while the server says it is busy.
func (c *Client) sendSlice(path, session string, offset int64, p []byte) (*UploadResponse, error) {
	for wait := time.Second; ; wait *= 2 {
		var resp UploadResponse
		err := c.post(path, map[string]string{
			"op":      "upload_slice_data",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}, p, &resp)
		if err != nil {
			return nil, err
		}
		if strings.Contains(resp.Message, "操作太频繁") && wait < time.Minute { // want "message compared instead of code"
			time.Sleep(wait)
			continue
		}
		if resp.Code != 0 {
			return &resp, fmt.Errorf("cos: slice at %d: %s", offset, resp.Message)
		}
		return &resp, nil
	}
}

// needsRestart tells whether the session is gone and the upload must
// start over; the author knew only -4019 and -5983, by their messages.
func needsRestart(resp *UploadResponse) bool {
	if resp.Message == "入库失败，请重新上传" { // want "message compared instead of code"
		return true
	}
	return strings.HasPrefix(resp.Message, "错误的session") // want "message compared instead of code"
}

// keepSession is the other way round: anything but "入库失败" keeps the
// session.
func keepSession(resp *UploadResponse) bool {
	return !strings.Contains(resp.Message, "入库失败") // want "message compared instead of code"
}
