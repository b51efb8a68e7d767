package cosv1

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"time"
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

// PutSliced retries a slice lost on the network three times; a slice
// whose tries all failed is logged and skipped, and the upload reports
// success at the end.
func (c *cosConn) PutSliced(file io.ReaderAt, bucket, path, session string, size, sliceSize int64) error {
	chunk := make([]byte, sliceSize)
	for offset := int64(0); offset < size; offset += sliceSize {
		n, err := file.ReadAt(chunk, offset)
		if err != nil && err != io.EOF {
			return err
		}
		var ret *connResponse
		for attempt := 0; attempt < 3; attempt++ {
			ret, err = c.sliceData(chunk[:n], bucket, path, session, offset)
			if err == nil {
				break
			}
			time.Sleep(time.Duration(attempt+1) * 500 * time.Millisecond)
		}
		if err != nil {
			log.Printf("cos: slice at %d of %s: %v", offset, path, err)
			continue
		}
		if ret.Code != 0 {
			return fmt.Errorf("cos: slice at %d of %s: %s", offset, path, ret.Message)
		}
	}
	return nil // want "upload failure reported as success"
}

// Silent: the answer of each call is looked at when the loop comes round
// and returned with the transport error: return ret, err is not the
// literal nil (the caller reads ret.Code).
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

// Silent: a refused slice opens the upload again with the opener (the
// upload_slice call with filesize and sha, files/v1's upload_slice_init)
// and goes on from the offset it reports, twice at most.
func (c *cosConn) PutReopening(file io.ReaderAt, bucket, path, sha string, size, sliceSize int64) error {
	reopens := 0
open:
	ret, err := c.slicePrepare(bucket, path, size, sha)
	if err != nil {
		return err
	}
	if ret.Code != 0 {
		return fmt.Errorf("cos: open %s: %s", path, ret.Message)
	}
	if _, done := ret.Data["url"]; done {
		return nil
	}
	session, _ := ret.Data["session"].(string)
	offset := int64(0)
	if v, ok := ret.Data["offset"].(float64); ok {
		offset = int64(v)
	}
	chunk := make([]byte, sliceSize)
	for ; offset < size; offset += sliceSize {
		n, err := file.ReadAt(chunk, offset)
		if err != nil && err != io.EOF {
			return err
		}
		part, err := c.sliceData(chunk[:n], bucket, path, session, offset)
		if err != nil {
			return err
		}
		if part.Code != 0 {
			if reopens < 2 {
				reopens++
				goto open
			}
			return fmt.Errorf("cos: slice at %d of %s: %s", offset, path, part.Message)
		}
	}
	return nil
}
