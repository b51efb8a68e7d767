// Package uncheckedslice holds fixtures of the unchecked-slice check in
// clients of the files/v2 API (<region>.file.myqcloud.com/files/v2/, ops
// upload_slice_init, upload_slice_data, upload_slice_finish and
// upload_slice_list), one author's style per file. Every buggy function
// carries the expected diagnostic on the line of the slice send; every
// twin is correct for this check and says why in a "Silent:" comment. The
// files/v1 clients are in uncheckedslice/cosv1.
package uncheckedslice

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

// This file is the client of the "sdk" author: one response type per
// operation with the envelope embedded, requests as map[string]string
// written into a multipart body, one typed method per operation.

const sdkEndpoint = "https://%s.file.myqcloud.com/files/v2/%s/%s/%s"

// Response is what every answer carries.
type Response struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// SliceResponse answers upload_slice_init and upload_slice_data.
type SliceResponse struct {
	Response
	Data struct {
		Session   string `json:"session"`
		Offset    int64  `json:"offset"`
		SliceSize int64  `json:"slice_size"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

// FinishResponse answers upload_slice_finish.
type FinishResponse struct {
	Response
	Data struct {
		AccessURL    string `json:"access_url"`
		ResourcePath string `json:"resource_path"`
		SourceURL    string `json:"source_url"`
	} `json:"data"`
}

// Client talks to one bucket.
type Client struct {
	Region    string
	AppID     string
	Bucket    string
	SliceSize int64
	Sign      func(bucket, path string) string
	HTTP      *http.Client
}

// postForm writes fields (and content as filecontent) into a multipart
// body, posts it to path and decodes the answer into out. The error is the
// transport's or the decoder's; the code is left to the caller.
func (c *Client) postForm(path string, fields map[string]string, content []byte, out interface{}) error {
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
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf(sdkEndpoint, c.Region, c.AppID, c.Bucket, path), body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.Sign(c.Bucket, path))
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(out)
}

func (c *Client) initSlice(path string, size int64) (*SliceResponse, error) {
	var res SliceResponse
	err := c.postForm(path, map[string]string{
		"op":         "upload_slice_init",
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.FormatInt(c.SliceSize, 10),
	}, nil, &res)
	if err != nil {
		return nil, err
	}
	return &res, nil
}

// sendSlice sends one slice of the session.
func (c *Client) sendSlice(path, session string, offset int64, data []byte) (*SliceResponse, error) {
	var res SliceResponse
	err := c.postForm(path, map[string]string{
		"op":      "upload_slice_data",
		"session": session,
		"offset":  strconv.FormatInt(offset, 10),
	}, data, &res)
	if err != nil {
		return nil, err
	}
	return &res, nil
}

func (c *Client) finishSlice(path, session string, size int64) (*FinishResponse, error) {
	var res FinishResponse
	err := c.postForm(path, map[string]string{
		"op":       "upload_slice_finish",
		"session":  session,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, &res)
	if err != nil {
		return nil, err
	}
	return &res, nil
}

// UploadFile sends a large local file slice by slice and returns its
// access URL. The answers of the slices are dropped: the loop goes on to
// the next offset whatever the server said.
func (c *Client) UploadFile(path, local string) (string, error) {
	f, err := os.Open(local)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	init, err := c.initSlice(path, st.Size())
	if err != nil {
		return "", err
	}
	if init.Code != 0 {
		return "", fmt.Errorf("cos: init %s: %s", path, init.Message)
	}
	if init.Data.AccessURL != "" { // 秒传: the server has the file
		return init.Data.AccessURL, nil
	}
	buf := make([]byte, init.Data.SliceSize)
	for offset := int64(0); offset < st.Size(); {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return "", err
		}
		c.sendSlice(path, init.Data.Session, offset, buf[:n]) // want "slice sent without testing its reply"
		offset += int64(n)
	}
	fin, err := c.finishSlice(path, init.Data.Session, st.Size())
	if err != nil {
		return "", err
	}
	if fin.Code != 0 {
		return "", fmt.Errorf("cos: finish %s: %s", path, fin.Message)
	}
	return fin.Data.AccessURL, nil
}

// resumeFrom sends what is left of r after offset. The slices' answers
// are thrown away on purpose ("finish tells us whether the file is
// whole"), so a slice the server refused is followed by the next one.
func (c *Client) resumeFrom(path, session string, r io.Reader, offset, size int64) (*FinishResponse, error) {
	buf := make([]byte, c.SliceSize)
	for offset < size {
		n, err := io.ReadFull(r, buf)
		if n == 0 {
			break
		}
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		_, _ = c.sendSlice(path, session, offset, buf[:n]) // want "slice sent without testing its reply"
		offset += int64(n)
	}
	return c.finishSlice(path, session, size)
}

// The error of every slice is tested before the next one is sent, but
// the reply, with its code, is thrown away: a refused slice (code != 0,
// nil error) and the next one goes out. Written as a twin before the
// check ("the error is enough"); decided after it, with the held-out
// corpus's forhappy loop: a code that nothing can test is unchecked.
func (c *Client) resumeChecked(path, session string, r io.Reader, offset, size int64) (*FinishResponse, error) {
	buf := make([]byte, c.SliceSize)
	for offset < size {
		n, err := io.ReadFull(r, buf)
		if n == 0 {
			break
		}
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		if _, err := c.sendSlice(path, session, offset, buf[:n]); err != nil { // want "slice sent without testing its reply"
			return nil, fmt.Errorf("cos: slice at %d of %s: %w", offset, path, err)
		}
		offset += int64(n)
	}
	return c.finishSlice(path, session, size)
}

// Silent: the reply is returned to the caller, who decides.
func (c *Client) SendSlice(path, session string, offset int64, data []byte) (*SliceResponse, error) {
	return c.sendSlice(path, session, offset, data)
}

// Silent: a tagless switch reads both the error and the code of each
// slice before the offset moves on.
func (c *Client) uploadSwitch(path string, f io.ReaderAt, size int64) (string, error) {
	init, err := c.initSlice(path, size)
	if err != nil {
		return "", err
	}
	if init.Code != 0 {
		return "", fmt.Errorf("cos: init %s: %s", path, init.Message)
	}
	buf := make([]byte, init.Data.SliceSize)
	var offset int64
	for offset < size {
		n, rerr := f.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		switch res, err := c.sendSlice(path, init.Data.Session, offset, buf[:n]); {
		case err != nil:
			return "", err
		case res.Code != 0:
			return "", fmt.Errorf("cos: slice at %d: %s (%d)", offset, res.Message, res.Code)
		}
		offset += int64(n)
	}
	fin, err := c.finishSlice(path, init.Data.Session, size)
	if err != nil {
		return "", err
	}
	if fin.Code != 0 {
		return "", fmt.Errorf("cos: finish %s: %s", path, fin.Message)
	}
	return fin.Data.AccessURL, nil
}
