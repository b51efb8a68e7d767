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
// operation, the HTTP status kept beside an int64 business code, data as
// a map, and each operation writing its own fields with WriteField.

const connEndpoint = "http://web.file.myqcloud.com/files/v1/%v/%v/%v" // appid, bucket, path

type cosConn struct {
	Appid    string
	SecretID string
	Client   http.Client
}

type connResponse struct {
	HTTPCode int
	Code     int64                  `json:"code"`
	Message  string                 `json:"message"`
	Data     map[string]interface{} `json:"data"`
}

func (c *cosConn) post(bucket, path, contentType string, body io.Reader) (*connResponse, error) {
	req, err := http.NewRequest("POST", fmt.Sprintf(connEndpoint, c.Appid, bucket, path), body)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Authorization", c.SecretID+"/"+bucket)
	req.Header.Add("Content-Type", contentType)
	res, err := c.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	out := &connResponse{HTTPCode: res.StatusCode, Data: map[string]interface{}{}}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *cosConn) slicePrepare(bucket, path string, fileSize int64, sha string) (*connResponse, error) {
	buf := &bytes.Buffer{}
	w := multipart.NewWriter(buf)
	w.WriteField("op", "upload_slice")
	w.WriteField("filesize", fmt.Sprint(fileSize))
	w.WriteField("sha", sha)
	w.Close()
	return c.post(bucket, path, w.FormDataContentType(), buf)
}

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

// sliceAll sends every slice and prints each answer for the operator;
// the loop goes on whatever was printed.
func (c *cosConn) sliceAll(file io.ReaderAt, bucket, path, session string, size, sliceSize int64) error {
	chunk := make([]byte, sliceSize)
	for offset := int64(0); offset < size; offset += sliceSize {
		n, err := file.ReadAt(chunk, offset)
		if err != nil && err != io.EOF {
			return err
		}
		ret, err := c.sliceData(chunk[:n], bucket, path, session, offset) // want "slice sent without testing its reply"
		fmt.Println("upload_slice", path, offset, ret, err)
	}
	return nil
}

// Silent: the answer of each call is looked at when the loop comes round,
// at its top, before the next slice is sent; the last one is returned.
func (c *cosConn) UploadSlice(file io.ReadSeeker, bucket, path string) (ret *connResponse, err error) {
	h := sha1.New()
	size, err := io.Copy(h, file)
	if err != nil {
		return nil, err
	}
	ret, err = c.slicePrepare(bucket, path, size, fmt.Sprintf("%x", h.Sum(nil)))
	var session string
	var offset, sliceSize int64
	for {
		if err != nil || ret.Code != 0 {
			return ret, err
		}
		if _, ok := ret.Data["url"]; ok { // the server has the file, or it is complete
			return ret, nil
		}
		if session == "" {
			session, _ = ret.Data["session"].(string)
		}
		if sliceSize == 0 {
			v, _ := ret.Data["slice_size"].(float64)
			sliceSize = int64(v)
		}
		if _, err = file.Seek(offset, io.SeekStart); err != nil {
			return ret, err
		}
		slice := make([]byte, sliceSize)
		n, rerr := io.ReadFull(file, slice)
		if rerr != nil && rerr != io.ErrUnexpectedEOF {
			return ret, rerr
		}
		ret, err = c.sliceData(slice[:n], bucket, path, session, offset)
		offset += sliceSize
		if offset >= size {
			return ret, err
		}
	}
}
