// Package cosweb stores user uploads of a web backend in COS, through the
// v4 JSON API.
package cosweb

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand"
	"mime/multipart"
	"net/http"
	"strconv"
	"time"
)

const apiBase = "https://%s.file.myqcloud.com/files/v2/%d/%s/%s"

// ErrNotFound is returned for files that do not exist.
var ErrNotFound = errors.New("cosweb: no such file")

// Reply is a failed COS answer. Code is the business code, or the HTTP
// status when the gateway answered without one.
type Reply struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

func (r *Reply) Error() string { return fmt.Sprintf("cos: %d %s", r.Code, r.Message) }

// Client is safe for concurrent use.
type Client struct {
	AppID     int
	SecretID  string
	SecretKey string
	Region    string
	hc        *http.Client
	sig       string
	sigUntil  time.Time
}

// NewClient returns a client for the region ("gz", "sh", "tj", ...).
func NewClient(appID int, secretID, secretKey, region string) *Client {
	return &Client{AppID: appID, SecretID: secretID, SecretKey: secretKey, Region: region, hc: &http.Client{}}
}

func (c *Client) resign() {
	now := time.Now()
	plain := fmt.Sprintf("a=%d&k=%s&e=%d&t=%d&r=%d&f=", c.AppID, c.SecretID, now.Add(time.Hour).Unix(), now.Unix(), rand.Intn(1e9))
	h := hmac.New(sha1.New, []byte(c.SecretKey))
	h.Write([]byte(plain))
	c.sig = base64.StdEncoding.EncodeToString(append(h.Sum(nil), plain...))
	c.sigUntil = now.Add(time.Hour)
}

func (c *Client) auth() string {
	if c.sig == "" || time.Now().After(c.sigUntil) {
		c.resign()
	}
	return c.sig
}

// codeOf returns the code err carries, 0 for nil and -1 for other errors.
func codeOf(err error) int {
	var r *Reply
	if errors.As(err, &r) {
		return r.Code
	}
	if err != nil {
		return -1 // the client's own "other error" (issue 10: not the API's)
	}
	return 0
}

func (c *Client) do(req *http.Request, data any) error {
	req.Header.Set("Authorization", c.auth())
	res, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	reply := new(Reply)
	if err := json.NewDecoder(res.Body).Decode(reply); err != nil {
		if res.StatusCode != 200 { // expect: magic-code
			return &Reply{Code: res.StatusCode, Message: res.Status}
		}
		return err
	}
	if reply.Code != 0 {
		return reply
	}
	if res.StatusCode != http.StatusOK {
		reply.Code = res.StatusCode
		return reply
	}
	if data == nil {
		return nil
	}
	if len(reply.Data) == 0 {
		reply.Code = -1 // the client's own "no data", with its message (issue 10: not the API's)
		reply.Message = "no data"
		return reply
	}
	return json.Unmarshal(reply.Data, data)
}

func (c *Client) post(ctx context.Context, bucket, key string, fields map[string]string, content []byte, data any) error {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			return err
		}
	}
	if content != nil {
		fw, err := w.CreateFormField("filecontent")
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
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf(apiBase, c.Region, c.AppID, bucket, key), &b)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req, data)
}

// Exists reports whether key is stored.
func (c *Client) Exists(ctx context.Context, bucket, key string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf(apiBase, c.Region, c.AppID, bucket, key)+"?op=stat", nil)
	if err != nil {
		return false, err
	}
	err = c.do(req, &json.RawMessage{})
	if codeOf(err) == -404 { // 文件不存在 // expect: unknown-code
		return false, nil
	}
	return err == nil, err
}

// Download copies key to w, starting at byte from.
func (c *Client) Download(ctx context.Context, bucket, key string, w io.Writer, from int64) error {
	u := fmt.Sprintf("https://%s-%d.cos%s.myqcloud.com/%s", bucket, c.AppID, c.Region, key)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	if from > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(from, 10)+"-")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case 200, 206: // expect: magic-code magic-code
		_, err = io.Copy(w, resp.Body)
		return err
	case 404, 612: // expect: magic-code magic-code
		return ErrNotFound
	}
	return fmt.Errorf("cosweb: download %s: %s", key, resp.Status)
}

type sliceInit struct {
	Session   string `json:"session"`
	SliceSize int64  `json:"slice_size"`
	AccessURL string `json:"access_url"`
}

// PutLarge uploads a large object slice by slice, like the official SDKs
// do: a failed slice is sent again, up to five times.
func (c *Client) PutLarge(ctx context.Context, bucket, key string, r io.ReaderAt, size int64) error {
	var init sliceInit
	err := c.post(ctx, bucket, key, map[string]string{
		"op":         "upload_slice_init",
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.Itoa(512 << 10),
	}, nil, &init)
	switch codeOf(err) {
	case 0:
	case -4018: // expect: magic-code
		return nil
	default:
		return err
	}
	if init.AccessURL != "" {
		return nil
	}
	buf := make([]byte, init.SliceSize)
	tries := 0
	for offset := int64(0); offset < size; {
		n, rerr := r.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		err := c.post(ctx, bucket, key, map[string]string{
			"op":      "upload_slice_data",
			"session": init.Session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n], nil)
		switch codeOf(err) {
		case 0:
			offset += int64(n)
			tries = 0
		case -71, 503: // 操作太频繁 / service unavailable: back off // expect: magic-code magic-code
			time.Sleep(time.Duration(100<<tries) * time.Millisecond)
			tries++
		case -4019, -4026, -4027: // 请重新上传 // expect: magic-code magic-code magic-code reupload-retry
			log.Printf("cosweb: %s slice at %d: %v, sending it again", key, offset, err)
			tries++
		case -96: // 签名过期: sign again // expect: magic-code
			c.resign()
			tries++
		default:
			return err
		}
		if tries > 5 {
			return err
		}
	}
	return c.post(ctx, bucket, key, map[string]string{
		"op":       "upload_slice_finish",
		"session":  init.Session,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, nil)
}
