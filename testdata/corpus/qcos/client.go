// Package qcos is a small client for the Tencent Cloud COS v4 JSON API
// (the files/v2 endpoints): folders, simple and sliced uploads.
package qcos

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// endpoint is region, appid, bucket and the URL-escaped path.
const endpoint = "https://%s.file.myqcloud.com/files/v2/%s/%s%s"

// signTTL is how long a reusable signature stays valid.
const signTTL = 5 * time.Minute

// Response is the envelope of every answer.
type Response struct {
	Code      int    `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// OK reports whether the request succeeded.
func (r *Response) OK() bool { return r.Code == 0 }

// Client talks to one COS region with one key pair.
type Client struct {
	AppID     string
	SecretID  string
	SecretKey string
	Region    string
	HTTP      *http.Client

	// SliceRetries is how many times a failed slice is sent again.
	SliceRetries int
}

// New returns a client with sensible defaults.
func New(appID, secretID, secretKey, region string) *Client {
	return &Client{
		AppID:        appID,
		SecretID:     secretID,
		SecretKey:    secretKey,
		Region:       region,
		HTTP:         &http.Client{Timeout: 30 * time.Second},
		SliceRetries: 3,
	}
}

func (c *Client) url(bucket, path string) string {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	escaped := strings.ReplaceAll(url.PathEscape(path), "%2F", "/")
	return fmt.Sprintf(endpoint, c.Region, c.AppID, bucket, escaped)
}

// sign makes a reusable signature for the bucket, or a one-time signature
// for fileID when fileID is not empty.
func (c *Client) sign(bucket, fileID string) string {
	now := time.Now().Unix()
	var expire int64
	if fileID == "" {
		expire = now + int64(signTTL/time.Second)
	}
	plain := fmt.Sprintf("a=%s&b=%s&k=%s&e=%d&t=%d&r=%d&f=%s",
		c.AppID, bucket, c.SecretID, expire, now, rand.Int31(), fileID)
	mac := hmac.New(sha1.New, []byte(c.SecretKey))
	mac.Write([]byte(plain))
	return base64.StdEncoding.EncodeToString(append(mac.Sum(nil), plain...))
}

func (c *Client) fileID(bucket, path string) string {
	return "/" + c.AppID + "/" + bucket + path
}

// postForm sends a multipart form; content, when not nil, is the
// filecontent field.
func (c *Client) postForm(bucket, path, auth string, fields map[string]string, content []byte, out any) error {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			return err
		}
	}
	if content != nil {
		part, err := w.CreateFormFile("filecontent", "blob")
		if err != nil {
			return err
		}
		if _, err := part.Write(content); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, c.url(bucket, path), body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req, out)
}

// postJSON sends a JSON body (create, update, delete).
func (c *Client) postJSON(bucket, path, auth string, fields map[string]string, out any) error {
	b, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, c.url(bucket, path), bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", "application/json")
	return c.do(req, out)
}

func (c *Client) get(bucket, path string, query url.Values, out any) error {
	req, err := http.NewRequest(http.MethodGet, c.url(bucket, path)+"?"+query.Encode(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.sign(bucket, ""))
	return c.do(req, out)
}

// do sends the request and decodes the JSON answer into out, whatever the
// HTTP status: failures come with a JSON body too.
func (c *Client) do(req *http.Request, out any) error {
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if len(b) == 0 {
		return fmt.Errorf("qcos: empty answer, HTTP %s", resp.Status)
	}
	return json.Unmarshal(b, out)
}
