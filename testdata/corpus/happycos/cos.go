// Package happycos is a files/v1 SDK for the COS v4 JSON API in the style
// of forhappy/cos-go-sdk: one request and one response type per
// operation, the envelope embedded in each response, and every answer
// handed back to the caller as it came, code and all.
package happycos

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
	"os"
	"strconv"
	"strings"
	"time"
)

// Endpoint is the files/v1 entry point.
const Endpoint = "http://web.file.myqcloud.com/files/v1/"

// expires is how long a reusable signature stays valid, in seconds.
const expires = 60 * 5

// Client is a COS API client of one project.
type Client struct {
	AppID     string        // 项目 ID
	SecretID  string        // 项目 Secret ID
	SecretKey string        // 项目 Secret Key
	Timeout   time.Duration // 客户端超时时长
}

// NewClient returns a client with a ten second timeout.
func NewClient(appID, secretID, secretKey string) *Client {
	return &Client{AppID: appID, SecretID: secretID, SecretKey: secretKey, Timeout: 10 * time.Second}
}

// Response is the envelope of every answer.
type Response struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// UploadFileResponse answers op=upload.
type UploadFileResponse struct {
	Response
	Data struct {
		AccessURL    string `json:"access_url"`
		URL          string `json:"url"`
		ResourcePath string `json:"resource_path"`
	} `json:"data"`
}

// UploadSliceResponse answers op=upload_slice, the first call and every
// slice.
type UploadSliceResponse struct {
	Response
	Data struct {
		Session      string `json:"session"`
		Offset       int64  `json:"offset"`
		SliceSize    int64  `json:"slice_size"`
		AccessURL    string `json:"access_url"`
		URL          string `json:"url"`
		ResourcePath string `json:"resource_path"`
	} `json:"data"`
}

// StatFileResponse answers op=stat.
type StatFileResponse struct {
	Response
	Data struct {
		Name      string `json:"name"`
		BizAttr   string `json:"biz_attr"`
		FileSize  string `json:"filesize"`
		FileLen   string `json:"filelen"`
		Sha       string `json:"sha"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

// DeleteFileResponse answers op=delete.
type DeleteFileResponse struct {
	Response
}

func (c *Client) fileID(bucket, path string) string {
	return fmt.Sprintf("/%s/%s%s", c.AppID, bucket, path)
}

func (c *Client) resourceURL(bucket, path string) string {
	return fmt.Sprintf("%s%s/%s%s", Endpoint, c.AppID, bucket, path)
}

func validFilePath(path string) string {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return strings.ReplaceAll(url.PathEscape(path), "%2F", "/")
}

// sign makes a reusable signature, or a one-time one for fileID.
func (c *Client) sign(bucket, fileID string) string {
	now := time.Now().Unix()
	var e int64
	if fileID == "" {
		e = now + expires
	}
	plain := fmt.Sprintf("a=%s&b=%s&k=%s&e=%d&t=%d&r=%d&f=%s", c.AppID, bucket, c.SecretID, e, now, rand.Int31(), fileID)
	mac := hmac.New(sha1.New, []byte(c.SecretKey))
	mac.Write([]byte(plain))
	return base64.StdEncoding.EncodeToString(append(mac.Sum(nil), plain...))
}

// post sends fields (and content as filecontent) as a multipart body and
// decodes the answer into out.
func (c *Client) post(uri, auth string, fields map[string]string, content []byte, out any) error {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			return err
		}
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", "blob")
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
	req, err := http.NewRequest(http.MethodPost, uri, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req, out)
}

func (c *Client) get(uri, auth string, q url.Values, out any) error {
	req, err := http.NewRequest(http.MethodGet, uri+"?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", auth)
	return c.do(req, out)
}

func (c *Client) do(req *http.Request, out any) error {
	hc := &http.Client{Timeout: c.Timeout}
	res, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha1.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), n, nil
}

// UploadChunk stores chunk under dstPath in one request.
func (c *Client) UploadChunk(bucket, dstPath string, chunk []byte, bizAttr string) (*UploadFileResponse, error) {
	var res UploadFileResponse
	fields := map[string]string{
		"op":       "upload",
		"sha":      fmt.Sprintf("%x", sha1.Sum(chunk)),
		"biz_attr": bizAttr,
	}
	path := validFilePath(dstPath)
	if err := c.post(c.resourceURL(bucket, path), c.sign(bucket, ""), fields, chunk, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// PrepareToUploadSlice is the first op=upload_slice call of a sliced
// upload: it opens the session (or goes on with session, when not empty).
func (c *Client) PrepareToUploadSlice(bucket, dstPath, srcPath, bizAttr, session string, sliceSize int64) (*UploadSliceResponse, error) {
	sha, size, err := hashFile(srcPath)
	if err != nil {
		return nil, err
	}
	var res UploadSliceResponse
	fields := map[string]string{
		"op":         "upload_slice",
		"filesize":   strconv.FormatInt(size, 10),
		"sha":        sha,
		"biz_attr":   bizAttr,
		"session":    session,
		"slice_size": strconv.FormatInt(sliceSize, 10),
	}
	path := validFilePath(dstPath)
	if err := c.post(c.resourceURL(bucket, path), c.sign(bucket, ""), fields, nil, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// ContinueUploadingSliceData sends the slice at offset of session.
func (c *Client) ContinueUploadingSliceData(bucket, dstPath string, dataSlice []byte, session string, offset int64) (*UploadSliceResponse, error) {
	var res UploadSliceResponse
	fields := map[string]string{
		"op":      "upload_slice",
		"sha":     fmt.Sprintf("%x", sha1.Sum(dataSlice)),
		"session": session,
		"offset":  strconv.FormatInt(offset, 10),
	}
	path := validFilePath(dstPath)
	if err := c.post(c.resourceURL(bucket, path), c.sign(bucket, ""), fields, dataSlice, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// StatFile reads the attributes of a file.
func (c *Client) StatFile(bucket, path string) (*StatFileResponse, error) {
	var res StatFileResponse
	p := validFilePath(path)
	if err := c.get(c.resourceURL(bucket, p), c.sign(bucket, ""), url.Values{"op": {"stat"}}, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// DeleteFile removes a file; it needs a one-time signature.
func (c *Client) DeleteFile(bucket, path string) (*DeleteFileResponse, error) {
	var res DeleteFileResponse
	p := validFilePath(path)
	if err := c.post(c.resourceURL(bucket, p), c.sign(bucket, c.fileID(bucket, p)), map[string]string{"op": "delete"}, nil, &res); err != nil {
		return nil, err
	}
	return &res, nil
}
