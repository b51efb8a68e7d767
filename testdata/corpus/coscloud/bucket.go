// Package coscloud is a small SDK for the files/v1 JSON API
// (web.file.myqcloud.com): one response type per operation with the
// envelope embedded, requests as map[string]string sent as JSON or as a
// multipart body, and a sliced upload where every step is
// op=upload_slice.
package coscloud

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	Version = "1.0.1"
	Domain  = "web.file.myqcloud.com"

	signMulti = "multi"
	signOnce  = "once"
)

// Config holds the credentials and the tuning of a Bucket.
type Config struct {
	AppID        uint
	SecretID     string
	SecretKey    string
	Endpoint     string
	SliceSize    int  // bytes per slice, at most 1 MB
	RetryTimes   uint // attempts per slice
	SignValidity time.Duration
}

// DefaultConfig is what New uses.
func DefaultConfig() *Config {
	return &Config{
		Endpoint:     "http://" + Domain + "/files/v1/",
		SliceSize:    512 * 1024,
		RetryTimes:   3,
		SignValidity: 10 * time.Minute,
	}
}

// Bucket is one bucket of one appid.
type Bucket struct {
	Name   string
	config *Config
	base   string
	hc     *http.Client
}

// New returns the Bucket name of appid.
func New(appid uint, secretID, secretKey, name string) *Bucket {
	cfg := DefaultConfig()
	cfg.AppID, cfg.SecretID, cfg.SecretKey = appid, secretID, secretKey
	base := strings.TrimSuffix(cfg.Endpoint, "/")
	return &Bucket{Name: name, config: cfg, base: fmt.Sprintf("%s/%d/%s", base, appid, name), hc: &http.Client{Timeout: 30 * time.Second}}
}

// Response is the envelope of every answer.
type Response struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// CreateFolderResponse answers create.
type CreateFolderResponse struct {
	Response
	Data struct {
		Ctime        string `json:"ctime"`
		ResourcePath string `json:"resource_path"`
	} `json:"data"`
}

// StatResponse answers stat.
type StatResponse struct {
	Response
	Data struct {
		Name      string `json:"name"`
		BizAttr   string `json:"biz_attr"`
		FileSize  int64  `json:"filesize"`
		FileLen   int64  `json:"filelen"`
		Sha       string `json:"sha"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

// DeleteResponse answers delete.
type DeleteResponse struct {
	Response
}

// UploadResponse answers upload.
type UploadResponse struct {
	Response
	Data struct {
		AccessURL    string `json:"access_url"`
		URL          string `json:"url"`
		ResourcePath string `json:"resource_path"`
	} `json:"data"`
}

// SliceResponse answers upload_slice, the first call and the slices.
type SliceResponse struct {
	Response
	Data struct {
		Session      string `json:"session"`
		Offset       int64  `json:"offset"`
		SliceSize    int    `json:"slice_size"`
		AccessURL    string `json:"access_url"`
		URL          string `json:"url"`
		ResourcePath string `json:"resource_path"`
	} `json:"data"`
}

// query is the parameters of a GET, encoded in key order.
type query map[string]string

func (q query) encode() string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k + "=" + url.QueryEscape(q[k]))
	}
	return b.String()
}

func escapePath(p string) string {
	return strings.ReplaceAll(url.QueryEscape(p), "%2F", "/")
}

func filePath(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

func folderPath(p string) string {
	p = filePath(p)
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

func jsonBody(fields map[string]string) (io.Reader, map[string]string, error) {
	b, err := json.Marshal(fields)
	if err != nil {
		return nil, nil, err
	}
	return bytes.NewReader(b), map[string]string{"Content-Type": "application/json"}, nil
}

const boundary = "----coscloud-boundary-7MA4YWxkTrZu0gW"

func multipartBody(fields map[string]string, content []byte) (io.Reader, map[string]string, error) {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	if err := w.SetBoundary(boundary); err != nil {
		return nil, nil, err
	}
	if content != nil {
		fw, err := w.CreateFormField("filecontent")
		if err != nil {
			return nil, nil, err
		}
		if _, err := fw.Write(content); err != nil {
			return nil, nil, err
		}
	}
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if err := w.Close(); err != nil {
		return nil, nil, err
	}
	return body, map[string]string{"Content-Type": "multipart/form-data; boundary=" + boundary}, nil
}

func (b *Bucket) sign(kind, path string) string {
	expire := time.Now().Add(b.config.SignValidity).Unix()
	if kind == signOnce {
		expire = 0
	}
	return fmt.Sprintf("a=%d&b=%s&k=%s&e=%d&f=%s", b.config.AppID, b.Name, b.config.SecretID, expire, path)
}

// do sends one request to the bucket and returns the raw answer.
func (b *Bucket) do(method, path string, q query, headers map[string]string, body io.Reader, kind string) ([]byte, error) {
	path = escapePath(path)
	u := b.base + path
	if q != nil {
		u += "?" + q.encode()
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		return nil, err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	req.Header.Set("Authorization", b.sign(kind, path))
	res, err := b.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

// CreateFolder creates path, with the attribute bizAttr.
func (b *Bucket) CreateFolder(path, bizAttr string) (*CreateFolderResponse, error) {
	body, headers, err := jsonBody(map[string]string{"op": "create", "biz_attr": bizAttr})
	if err != nil {
		return nil, err
	}
	raw, err := b.do("POST", folderPath(path), nil, headers, body, signMulti)
	if err != nil {
		return nil, err
	}
	resp := &CreateFolderResponse{}
	return resp, json.Unmarshal(raw, resp)
}

// Stat reads the attributes of a file.
func (b *Bucket) Stat(path string) (*StatResponse, error) {
	raw, err := b.do("GET", filePath(path), query{"op": "stat"}, nil, nil, signMulti)
	if err != nil {
		return nil, err
	}
	resp := &StatResponse{}
	return resp, json.Unmarshal(raw, resp)
}

// Delete removes a file.
func (b *Bucket) Delete(path string) (*DeleteResponse, error) {
	body, headers, err := jsonBody(map[string]string{"op": "delete"})
	if err != nil {
		return nil, err
	}
	raw, err := b.do("POST", filePath(path), nil, headers, body, signOnce)
	if err != nil {
		return nil, err
	}
	resp := &DeleteResponse{}
	return resp, json.Unmarshal(raw, resp)
}

func fileSha1(path string) (string, int64, error) {
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

// Upload sends a small file (under 8 MB) in one request.
func (b *Bucket) Upload(src, dst, bizAttr string) (*UploadResponse, error) {
	sha, _, err := fileSha1(src)
	if err != nil {
		return nil, err
	}
	content, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	body, headers, err := multipartBody(map[string]string{"op": "upload", "sha": sha, "biz_attr": bizAttr}, content)
	if err != nil {
		return nil, err
	}
	raw, err := b.do("POST", filePath(dst), nil, headers, body, signMulti)
	if err != nil {
		return nil, err
	}
	resp := &UploadResponse{}
	return resp, json.Unmarshal(raw, resp)
}

func readSlice(src string, offset int64, size int) ([]byte, error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, size)
	n, err := io.NewSectionReader(f, offset, int64(size)).Read(buf)
	if err != nil && err != io.EOF {
		return nil, err
	}
	return buf[:n], nil
}

// UploadSlice sends a large file in slices. session, when not empty, is
// the session of an earlier attempt to go on with.
func (b *Bucket) UploadSlice(src, dst, bizAttr string, sliceSize int, session string) (*SliceResponse, error) {
	sha, size, err := fileSha1(src)
	if err != nil {
		return nil, err
	}
	fields := map[string]string{
		"op":       "upload_slice",
		"filesize": strconv.FormatInt(size, 10),
		"sha":      sha,
	}
	if bizAttr != "" {
		fields["biz_attr"] = bizAttr
	}
	if session != "" {
		fields["session"] = session
	}
	if sliceSize <= 0 || sliceSize > b.config.SliceSize {
		sliceSize = b.config.SliceSize
	}
	fields["slice_size"] = strconv.Itoa(sliceSize)
	body, headers, err := multipartBody(fields, nil)
	if err != nil {
		return nil, err
	}
	raw, err := b.do("POST", filePath(dst), nil, headers, body, signMulti)
	if err != nil {
		return nil, err
	}
	first := &SliceResponse{}
	if err := json.Unmarshal(raw, first); err != nil {
		return nil, err
	}
	if first.Code != 0 {
		return nil, fmt.Errorf("coscloud: %s", first.Message)
	}
	if first.Data.URL != "" { // 秒传: the server has this file already
		return first, nil
	}
	if first.Data.SliceSize != 0 {
		sliceSize = first.Data.SliceSize
	}
	if first.Data.Session != "" {
		session = first.Data.Session
	}
	return b.uploadData(size, sliceSize, filePath(dst), src, first.Data.Offset, session)
}

// uploadData sends the slices from offset on. Every failure, of the
// network, of the answer or of its code, costs one of RetryTimes attempts
// at the same slice.
func (b *Bucket) uploadData(size int64, sliceSize int, dst, src string, offset int64, session string) (*SliceResponse, error) {
	resp := &SliceResponse{}
	var attempts uint
	for size > offset {
		if offset+int64(sliceSize) > size {
			sliceSize = int(size - offset)
		}
		content, err := readSlice(src, offset, sliceSize)
		if err != nil {
			return nil, err
		}
		fields := map[string]string{
			"op":      "upload_slice",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}
		body, headers, err := multipartBody(fields, content)
		if err != nil {
			return nil, err
		}
		raw, err := b.do("POST", dst, nil, headers, body, signMulti)
		if err != nil {
			if attempts < b.config.RetryTimes {
				attempts++
				continue
			}
			return nil, err
		}
		if err := json.Unmarshal(raw, resp); err != nil {
			if attempts < b.config.RetryTimes {
				attempts++
				continue
			}
			return nil, err
		}
		if resp.Code != 0 { // expect: reupload-retry
			if attempts < b.config.RetryTimes {
				attempts++
				continue
			}
			return nil, fmt.Errorf("coscloud: %s", resp.Message)
		}
		session = resp.Data.Session
		offset += int64(sliceSize)
		attempts = 0
	}
	return resp, nil
}
