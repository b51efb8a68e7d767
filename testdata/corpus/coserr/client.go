package coserr

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"strconv"
	"time"
)

// Client calls the COS v4 JSON API of one region.
type Client struct {
	AppID, SecretID, SecretKey string
	Region                     string
	HTTP                       *http.Client
	MaxAttempts                int
}

// envelope is the JSON body of every answer.
type envelope struct {
	Code      int64           `json:"code"`
	Message   string          `json:"message"`
	RequestID string          `json:"request_id"`
	Data      json.RawMessage `json:"data"`
}

func (c *Client) endpoint(bucket, key string) string {
	return fmt.Sprintf("https://%s.file.myqcloud.com/files/v2/%s/%s/%s", c.Region, c.AppID, bucket, key)
}

func (c *Client) signature(bucket string) string {
	now := time.Now().Unix()
	plain := fmt.Sprintf("a=%s&b=%s&k=%s&e=%d&t=%d&r=%d&f=", c.AppID, bucket, c.SecretID, now+600, now, rand.Int32())
	m := hmac.New(sha1.New, []byte(c.SecretKey))
	m.Write([]byte(plain))
	return base64.StdEncoding.EncodeToString(append(m.Sum(nil), plain...))
}

// call posts a multipart form and decodes the answer's data into out.
func (c *Client) call(ctx context.Context, op, bucket, key string, fields map[string]string, content []byte, out any) error {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("op", op)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		part, _ := w.CreateFormFile("filecontent", key)
		_, _ = part.Write(content)
	}
	_ = w.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint(bucket, key), &body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.signature(bucket))
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return &Error{Op: op, Status: resp.StatusCode, code: codeNetwork, Message: "undecodable answer: " + err.Error()}
	}
	if env.Code != 0 {
		return &Error{Op: op, Status: resp.StatusCode, code: int(env.Code), Message: env.Message, RequestID: env.RequestID}
	}
	if out != nil && len(env.Data) > 0 {
		return json.Unmarshal(env.Data, out)
	}
	return nil
}

// Session is an open sliced upload.
type Session struct {
	Session   string `json:"session"`
	SliceSize int64  `json:"slice_size"`
	AccessURL string `json:"access_url"`
}

// Object is an uploaded file.
type Object struct {
	AccessURL    string `json:"access_url"`
	ResourcePath string `json:"resource_path"`
}

// InitSlice opens a sliced upload of size bytes.
func (c *Client) InitSlice(ctx context.Context, bucket, key string, size int64) (*Session, error) {
	var s Session
	err := c.call(ctx, "upload_slice_init", bucket, key, map[string]string{
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.Itoa(1 << 20),
	}, nil, &s)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// SliceData sends one slice.
func (c *Client) SliceData(ctx context.Context, bucket, key, session string, offset int64, data []byte) error {
	return c.call(ctx, "upload_slice_data", bucket, key, map[string]string{
		"session": session,
		"offset":  strconv.FormatInt(offset, 10),
	}, data, nil)
}

// FinishSlice closes the upload.
func (c *Client) FinishSlice(ctx context.Context, bucket, key, session string, size int64) (*Object, error) {
	var o Object
	err := c.call(ctx, "upload_slice_finish", bucket, key, map[string]string{
		"session":  session,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, &o)
	if err != nil {
		return nil, err
	}
	return &o, nil
}

// UploadSlices uploads r in slices. Slices that fail with a retryable
// code are sent again after a pause.
func (c *Client) UploadSlices(ctx context.Context, bucket, key string, r io.ReaderAt, size int64) (*Object, error) {
	s, err := c.InitSlice(ctx, bucket, key, size)
	if err != nil {
		return nil, err
	}
	if s.AccessURL != "" {
		return &Object{AccessURL: s.AccessURL}, nil
	}
	buf := make([]byte, s.SliceSize)
	attempts := 0
	for offset := int64(0); offset < size; {
		n, rerr := r.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return nil, rerr
		}
		err := c.SliceData(ctx, bucket, key, s.Session, offset, buf[:n])
		if err != nil && (IsRetryable(err) || retryableCodes[Code(err)]) && attempts < c.MaxAttempts { // expect: reupload-retry
			attempts++
			time.Sleep(time.Duration(attempts) * 300 * time.Millisecond)
			continue
		}
		if err != nil {
			return nil, err
		}
		attempts = 0
		offset += int64(n)
	}
	return c.FinishSlice(ctx, bucket, key, s.Session, size)
}
