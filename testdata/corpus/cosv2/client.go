// Package cosv2 is a files/v2 client of the COS v4 JSON API in the style
// of cxr29/cos-golang-sdk: the answer's envelope is the error type, and
// one do sends every request, whatever its op.
package cosv2

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The codes the client looks at (see the COS v4 code list).
const (
	codeNetwork     = -2    // the client's own: the request got no answer
	codeFreqControl = -71   // ERROR_PROXY_FREQ_CONTROL 操作太频繁,请稍后再试
	codeSignExpired = -96   // ERROR_PROXY_AUTH_EXPIRED 签名过期
	codeSameFile    = -4018 // ErrSameFileUpload 相同文件已上传过
)

// Reply is a failed answer. Code is the business code, or the HTTP status
// when the gateway answered without a body we could read.
type Reply struct {
	Code      int              `json:"code"`
	Message   string           `json:"message"`
	RequestID string           `json:"request_id"`
	Data      *json.RawMessage `json:"data"`
}

func (r *Reply) Error() string {
	return fmt.Sprintf("cos: %s (code %d, request %s)", r.Message, r.Code, r.RequestID)
}

// codeOf is the code err carries: 0 for nil, codeNetwork for failures
// that are not answers.
func codeOf(err error) int {
	if err == nil {
		return 0
	}
	var r *Reply
	if errors.As(err, &r) {
		return r.Code
	}
	return codeNetwork
}

// Client is one bucket of one region. It is safe for concurrent use.
type Client struct {
	Region, AppID, Bucket string
	SecretID, SecretKey   string
	Retries               int // attempts per slice after the first
	Workers               int // slices in flight in PutParallel
	HTTP                  *http.Client

	mu       sync.Mutex
	sig      string
	sigUntil time.Time
}

func (c *Client) resign() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sig = ""
}

func (c *Client) auth() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if c.sig != "" && now.Before(c.sigUntil) {
		return c.sig
	}
	plain := fmt.Sprintf("a=%s&b=%s&k=%s&e=%d&t=%d&r=%d&f=", c.AppID, c.Bucket, c.SecretID, now.Add(time.Hour).Unix(), now.Unix(), rand.Int32())
	m := hmac.New(sha1.New, []byte(c.SecretKey))
	m.Write([]byte(plain))
	c.sig = base64.StdEncoding.EncodeToString(append(m.Sum(nil), plain...))
	c.sigUntil = now.Add(50 * time.Minute)
	return c.sig
}

func (c *Client) url(key string) string {
	return fmt.Sprintf("https://%s.file.myqcloud.com/files/v2/%s/%s/%s", c.Region, c.AppID, c.Bucket, strings.TrimPrefix(key, "/"))
}

// do sends one request: a GET with params in the query when content and
// params are both nil apart from op, a multipart POST otherwise. The data
// of a good answer is decoded into data.
func (c *Client) do(ctx context.Context, method, key string, params map[string]string, content []byte, data any) error {
	var req *http.Request
	var err error
	if method == http.MethodGet {
		q := make([]string, 0, len(params))
		for k, v := range params {
			q = append(q, k+"="+v)
		}
		req, err = http.NewRequestWithContext(ctx, method, c.url(key)+"?"+strings.Join(q, "&"), nil)
	} else {
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		for k, v := range params {
			_ = w.WriteField(k, v)
		}
		if content != nil {
			fw, _ := w.CreateFormFile("filecontent", key)
			_, _ = fw.Write(content)
		}
		_ = w.Close()
		req, err = http.NewRequestWithContext(ctx, method, c.url(key), &body)
		if err == nil {
			req.Header.Set("Content-Type", w.FormDataContentType())
		}
	}
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.auth())
	res, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	reply := new(Reply)
	if err := json.NewDecoder(res.Body).Decode(reply); err != nil {
		if res.StatusCode != http.StatusOK {
			return &Reply{Code: res.StatusCode, Message: res.Status}
		}
		return err
	}
	if reply.Code != 0 {
		if reply.Message == "" {
			reply.Message = http.StatusText(res.StatusCode)
		}
		return reply
	}
	if data == nil || reply.Data == nil {
		return nil
	}
	return json.Unmarshal(*reply.Data, data)
}

// call is do with one more try when the signature expired on the way.
func (c *Client) call(ctx context.Context, method, key string, params map[string]string, content []byte, data any) error {
	err := c.do(ctx, method, key, params, content, data)
	var r *Reply
	if errors.As(err, &r) {
		switch r.Message {
		case "签名过期": // expect: message-compared
			c.resign()
			return c.do(ctx, method, key, params, content, data)
		}
	}
	return err
}

// Session is an open sliced upload.
type Session struct {
	Session   string `json:"session"`
	SliceSize int64  `json:"slice_size"`
	AccessURL string `json:"access_url"`
}

// Object is a stored file.
type Object struct {
	AccessURL    string `json:"access_url"`
	ResourcePath string `json:"resource_path"`
}

func (c *Client) initUpload(ctx context.Context, key string, size int64) (*Session, error) {
	var s Session
	err := c.call(ctx, http.MethodPost, key, map[string]string{
		"op":         "upload_slice_init",
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.Itoa(1 << 20),
	}, nil, &s)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

func (c *Client) uploadPart(ctx context.Context, key, session string, offset int64, part []byte) error {
	return c.call(ctx, http.MethodPost, key, map[string]string{
		"op":      "upload_slice_data",
		"session": session,
		"offset":  strconv.FormatInt(offset, 10),
	}, part, nil)
}

func (c *Client) finishUpload(ctx context.Context, key, session string, size int64) (*Object, error) {
	var o Object
	err := c.call(ctx, http.MethodPost, key, map[string]string{
		"op":       "upload_slice_finish",
		"session":  session,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, &o)
	if err != nil {
		return nil, err
	}
	return &o, nil
}

// IsExist reports whether err says the file (or the bucket) is there.
func IsExist(err error) bool {
	var r *Reply
	return errors.As(err, &r) && strings.Contains(r.Message, "已存在") // expect: message-compared
}

// needsRestart reports whether the server asks for the upload to start
// over with a new session.
func needsRestart(err error) bool {
	var r *Reply
	return errors.As(err, &r) && strings.HasSuffix(r.Message, "请重新上传") // expect: message-compared
}

// Exists reports whether key is stored.
func (c *Client) Exists(ctx context.Context, key string) (bool, error) {
	err := c.call(ctx, http.MethodGet, key, map[string]string{"op": "stat"}, nil, nil)
	if err != nil && strings.Contains(err.Error(), "查无此文件") { // expect: message-compared
		return false, nil
	}
	return err == nil, err
}
