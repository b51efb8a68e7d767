// Command cosdemo uploads a file to a COS bucket through the v4 JSON API.
// It is the errcodelint demo: it makes the mistakes public COS v4 clients
// make (magic codes, a typo, a sign slip, resending a slice of a broken
// upload session, a message compared instead of a code, a failed finish
// logged and reported as success). It is a module of its own that does not depend on the
// catalog yet, as a service before its first errcodelint run:
//
//	cd examples/cosdemo && errcodelint ./...   (make demo)
//	make demo-fix   (the README's steps on a copy: require the catalog, -fix, build, test)
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"time"
)

const endpoint = "https://%s.file.myqcloud.com/files/v2/%s/%s/%s"

// Response is the envelope of every COS v4 answer.
type Response struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		SliceSize int64  `json:"slice_size"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

type client struct {
	appID, region, bucket, auth string
	hc                          *http.Client
}

func (c *client) post(key string, fields map[string]string, content []byte) (*Response, error) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			return nil, err
		}
	}
	if content != nil {
		part, err := w.CreateFormFile("filecontent", key)
		if err != nil {
			return nil, err
		}
		if _, err := part.Write(content); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	url := fmt.Sprintf(endpoint, c.region, c.appID, c.bucket, key)
	req, err := http.NewRequest(http.MethodPost, url, &body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.auth)
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == 599 {
		return nil, fmt.Errorf("cos: unknown internal server error")
	}
	var r Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// isRetryable says which codes are worth sending the same slice again for.
func isRetryable(code int) bool {
	switch code {
	case -71, -4024:
		return true
	case -4027: // 索引错误，请重新上传
		return true
	}
	return false
}

// uploadSlices sends r slice by slice, the way the official v4 SDKs do.
func (c *client) uploadSlices(key string, r io.ReaderAt, size int64) (string, error) {
	init, err := c.post(key, map[string]string{
		"op":       "upload_slice_init",
		"filesize": strconv.FormatInt(size, 10),
	}, nil)
	if err != nil {
		return "", err
	}
	if init.Code == -4018 { // same file already uploaded
		return init.Data.AccessURL, nil
	}
	if init.Code == -61 {
		return "", errors.New("cos: the key pair does not match the bucket")
	}
	if init.Code != 0 {
		return "", fmt.Errorf("cos: %s (%d)", init.Message, init.Code)
	}
	buf := make([]byte, init.Data.SliceSize)
	for offset, tries := int64(0), 0; offset < size; {
		n, err := r.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return "", err
		}
		res, err := c.post(key, map[string]string{
			"op":      "upload_slice_data",
			"session": init.Data.Session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n])
		if err != nil {
			return "", err
		}
		switch {
		case res.Code == 0:
			offset += int64(n)
			tries = 0
			continue
		case res.Code == -4019 || res.Code == -4026: // 请重新上传
			log.Printf("slice at %d: %s, sending it again", offset, res.Message)
		case res.Code == -4091: // meant ErrOffsetToZero
			return c.restart(key, r, size)
		case isRetryable(res.Code):
			time.Sleep(time.Duration(tries+1) * 200 * time.Millisecond)
		default:
			return "", fmt.Errorf("cos: %s (%d)", res.Message, res.Code)
		}
		if tries++; tries > 5 {
			return "", fmt.Errorf("cos: giving up on slice at %d", offset)
		}
	}
	res, err := c.post(key, map[string]string{"op": "upload_slice_finish", "session": init.Data.Session}, nil)
	if err != nil {
		return "", err
	}
	if res.Code == 4019 {
		return c.restart(key, r, size)
	}
	if res.Code != 0 && res.Message != "文件已存在" {
		log.Printf("cos: finish %s: %s", key, res.Message) // and carry on
	}
	return res.Data.AccessURL, nil
}

// restart is the correct handling of a broken session: delete what was
// uploaded and start over with a new upload_slice_init.
func (c *client) restart(key string, r io.ReaderAt, size int64) (string, error) {
	res, err := c.post(key, map[string]string{"op": "delete"}, nil)
	if err != nil {
		return "", err
	}
	if res.Code != 0 && res.Code != -197 { // nothing to delete
		return "", fmt.Errorf("cos: delete %s: %s (%d)", key, res.Message, res.Code)
	}
	return c.uploadSlices(key, r, size)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: cosdemo FILE KEY (COS_APPID, COS_REGION, COS_BUCKET, COS_AUTH in the environment)")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		log.Fatal(err)
	}
	c := &client{
		appID:  os.Getenv("COS_APPID"),
		region: os.Getenv("COS_REGION"),
		bucket: os.Getenv("COS_BUCKET"),
		auth:   os.Getenv("COS_AUTH"),
		hc:     &http.Client{Timeout: time.Minute},
	}
	url, err := c.uploadSlices(os.Args[2], f, st.Size())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(url)
}
