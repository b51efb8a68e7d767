// Package swallowedfailure holds fixtures of the swallowed-failure check
// in clients of the files/v2 API (<region>.file.myqcloud.com/files/v2/,
// ops upload_slice_init, upload_slice_data, upload_slice_finish and
// upload_slice_list), one author's style per file. Every buggy function
// carries the expected diagnostic on the return that reports success;
// every twin is correct for this check and says why in a "Silent:"
// comment. The files/v1 clients are in swallowedfailure/cosv1, packages
// that do not talk to COS in swallowedfailure/other.
package swallowedfailure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// This file is the client of the "sdk" author: one response type per
// operation with the envelope embedded, requests as map[string]string
// written into a multipart body, one typed method per operation, the
// error only the transport's.

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
	} `json:"data"`
}

// StatResponse answers stat.
type StatResponse struct {
	Response
	Data struct {
		FileSize int64  `json:"filesize"`
		Sha      string `json:"sha"`
	} `json:"data"`
}

// Client talks to one bucket.
type Client struct {
	Region    string
	AppID     string
	Bucket    string
	SliceSize int64
	Retries   int
	Sign      func(bucket, path string) string
	HTTP      *http.Client

	lastURL string
}

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

func (c *Client) stat(path string) (*StatResponse, error) {
	var res StatResponse
	if err := c.postForm(path, map[string]string{"op": "stat"}, nil, &res); err != nil {
		return nil, err
	}
	return &res, nil
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

// UploadFile sends local as path in slices and returns the access URL. A
// slice lost on the network is sent again, up to c.Retries times; when
// the tries run out the loop moves on to the next offset, and the
// failure is gone.
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
	switch init.Code {
	case 0:
	case catalog.ErrSameFileUpload: // 秒传: the same file is there already
		return init.Data.AccessURL, nil
	default:
		return "", fmt.Errorf("cos: init %s: %s (%d)", path, init.Message, init.Code)
	}
	session := init.Data.Session
	buf := make([]byte, init.Data.SliceSize)
	for offset := int64(0); offset < st.Size(); {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return "", err
		}
		for try := 0; try < c.Retries; try++ {
			res, err := c.sendSlice(path, session, offset, buf[:n])
			if err != nil {
				log.Printf("cos: slice %d of %s: %v (try %d of %d)", offset, path, err, try+1, c.Retries)
				time.Sleep(time.Duration(try+1) * time.Second)
				continue
			}
			if res.Code != 0 {
				return "", fmt.Errorf("cos: slice %d of %s: %s (%d)", offset, path, res.Message, res.Code)
			}
			break
		}
		offset += int64(n)
	}
	fin, err := c.finishSlice(path, session, st.Size())
	if err != nil {
		return "", err
	}
	if fin.Code != 0 {
		return "", fmt.Errorf("cos: finish %s: %s (%d)", path, fin.Message, fin.Code)
	}
	return fin.Data.AccessURL, nil // want "upload failure reported as success"
}

// Commit closes the session. A refused finish is only logged ("the
// slices are all there, the file will show up").
func (c *Client) Commit(path, session string, size int64) error {
	fin, err := c.finishSlice(path, session, size)
	if err != nil {
		return err
	}
	if fin.Code != 0 {
		log.Printf("cos: finish %s: %s (%d)", path, fin.Message, fin.Code)
		return nil // want "upload failure reported as success"
	}
	c.lastURL = fin.Data.AccessURL
	return nil
}

// Silent: -4018 (the same file was uploaded already) and -177 (the file
// exists) at upload_slice_init are done codes: returning nil for them is
// success. The nil return sits inside the branch of Code != 0.
func (c *Client) Begin(path string, size int64) (session, url string, err error) {
	init, err := c.initSlice(path, size)
	if err != nil {
		return "", "", err
	}
	if init.Code != 0 {
		if init.Code == catalog.ErrSameFileUpload || init.Code == catalog.ErrorCmdCosFileExist {
			// the server has it already: nothing to send
			return "", init.Data.AccessURL, nil
		}
		return "", "", fmt.Errorf("cos: init %s: %s (%d)", path, init.Message, init.Code)
	}
	return init.Data.Session, init.Data.AccessURL, nil
}

// Silent: the transport error of each try is kept in lastErr and
// returned when the tries run out; a try that gets an answer ends the
// loop with it.
func (c *Client) sendWithRetry(path, session string, offset int64, p []byte) error {
	var lastErr error
	for try := 0; try < c.Retries; try++ {
		res, err := c.sendSlice(path, session, offset, p)
		if err != nil {
			lastErr = err
			time.Sleep(time.Duration(try+1) * time.Second)
			continue
		}
		if res.Code != 0 {
			return fmt.Errorf("cos: slice %d of %s: %s (%d)", offset, path, res.Message, res.Code)
		}
		return nil
	}
	return lastErr
}

// Silent: a failed stat is no failed upload (stat sends nothing of the
// upload); it only means the file must be sent, and UploadFile's error is
// returned.
func (c *Client) EnsureUploaded(path, local string) error {
	st, err := c.stat(path)
	if err == nil && st.Code == 0 {
		return nil
	}
	// not there (or stat failed): upload it
	url, err := c.UploadFile(path, local)
	if err != nil {
		return err
	}
	c.lastURL = url
	return nil
}
