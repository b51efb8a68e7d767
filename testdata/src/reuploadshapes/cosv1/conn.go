package cosv1

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
)

// This file is the client of the second author: one Response for every
// operation, the HTTP status kept beside the business code (an int64),
// data as a map, and each operation writing its own multipart fields with
// WriteField.

const connEndpoint = "http://web.file.myqcloud.com/files/v1/%v/%v/%v" // appid, bucket, path

type cosConn struct {
	Appid     string
	SecretID  string
	SecretKey string
	Client    http.Client
}

type connResponse struct {
	HTTPCode int
	Code     int64                  `json:"code"`
	Message  string                 `json:"message"`
	Data     map[string]interface{} `json:"data"`
}

func readResponse(r *http.Response) (*connResponse, error) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	out := &connResponse{HTTPCode: r.StatusCode, Data: map[string]interface{}{}}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *cosConn) signMore(bucket string) string { return c.SecretID + "/" + bucket }

func (c *cosConn) post(bucket, path, contentType string, body io.Reader) (*connResponse, error) {
	req, err := http.NewRequest("POST", fmt.Sprintf(connEndpoint, c.Appid, bucket, path), body)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Authorization", c.signMore(bucket))
	req.Header.Add("Content-Type", contentType)
	res, err := c.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return readResponse(res)
}

// slicePrepare opens the session.
func (c *cosConn) slicePrepare(bucket, path string, fileSize int64, sha string) (*connResponse, error) {
	buf := &bytes.Buffer{}
	w := multipart.NewWriter(buf)
	w.WriteField("op", "upload_slice")
	w.WriteField("filesize", fmt.Sprint(fileSize))
	w.WriteField("sha", sha)
	w.Close()
	return c.post(bucket, path, w.FormDataContentType(), buf)
}

// sliceData sends one slice into the session.
func (c *cosConn) sliceData(content []byte, bucket, path, session string, offset int64) (*connResponse, error) {
	buf := &bytes.Buffer{}
	w := multipart.NewWriter(buf)
	w.WriteField("op", "upload_slice")
	w.WriteField("sha", fmt.Sprintf("%x", sha1.Sum(content)))
	w.WriteField("session", session)
	w.WriteField("offset", fmt.Sprint(offset))
	ff, err := w.CreateFormFile("filecontent", path)
	if err != nil {
		return nil, err
	}
	if _, err := ff.Write(content); err != nil {
		return nil, err
	}
	w.Close()
	return c.post(bucket, path, w.FormDataContentType(), buf)
}
