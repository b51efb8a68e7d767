// Package cosgo is a files/v1 client that keeps the HTTP status of every
// answer beside its business code and hands the data back as a map.
package cosgo

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

const (
	endPoint      = "http://web.file.myqcloud.com/files/v1/%v/%v/%v" // appid, bucket, path
	signSeconds   = 600
	directMaxSize = 10 * 1024 * 1024
)

// Config is the account.
type Config struct {
	AppID     string
	SecretID  string
	SecretKey string
}

// Cos is a client of one account.
type Cos struct {
	Config
	SignSeconds int64
	Client      http.Client
}

// New returns a client.
func New(appID, secretID, secretKey string) *Cos {
	return &Cos{Config{appID, secretID, secretKey}, signSeconds, http.Client{Timeout: time.Minute}}
}

// Response is every answer: the HTTP status, the code and the data.
type Response struct {
	HTTPCode int
	Code     int64                  `json:"code"`
	Message  string                 `json:"message"`
	Data     map[string]interface{} `json:"data"`
}

func readResponse(res *http.Response) (*Response, error) {
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	ret := &Response{HTTPCode: res.StatusCode, Data: map[string]interface{}{}}
	return ret, json.Unmarshal(raw, ret)
}

func (c *Cos) signMore(bucket string) string {
	now := time.Now().Unix()
	plain := fmt.Sprintf("a=%s&b=%s&k=%s&e=%d&t=%d&r=%d&f=", c.AppID, bucket, c.SecretID, now+c.SignSeconds, now, now%100000)
	mac := hmac.New(sha1.New, []byte(c.SecretKey))
	mac.Write([]byte(plain))
	return base64.StdEncoding.EncodeToString(append(mac.Sum(nil), plain...))
}

func (c *Cos) resURL(bucket, path string) string {
	return fmt.Sprintf(endPoint, c.AppID, bucket, path)
}

func cleanPath(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	u := url.URL{Path: p}
	return u.EscapedPath()
}

func (c *Cos) send(req *http.Request, bucket string) (*Response, error) {
	req.Header.Set("Authorization", c.signMore(bucket))
	res, err := c.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return readResponse(res)
}

// List lists a folder, num entries from context on.
func (c *Cos) List(bucket, path string, num int, context string) (*Response, error) {
	v := url.Values{}
	v.Set("op", "list")
	v.Set("num", fmt.Sprint(num))
	v.Set("pattern", "eListBoth")
	if context != "" {
		v.Set("context", context)
	}
	req, err := http.NewRequest("GET", c.resURL(bucket, cleanPath(path)+"/")+"?"+v.Encode(), nil)
	if err != nil {
		return nil, err
	}
	return c.send(req, bucket)
}

// StatFile reads the attributes of a file.
func (c *Cos) StatFile(bucket, path string) (*Response, error) {
	req, err := http.NewRequest("GET", c.resURL(bucket, cleanPath(path))+"?op=stat", nil)
	if err != nil {
		return nil, err
	}
	return c.send(req, bucket)
}

// Upload sends a small file in one request.
func (c *Cos) Upload(r io.Reader, bucket, path string) (*Response, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	path = cleanPath(path)
	buf := &bytes.Buffer{}
	w := multipart.NewWriter(buf)
	w.WriteField("op", "upload")
	w.WriteField("sha", fmt.Sprintf("%x", sha1.Sum(content)))
	ff, _ := w.CreateFormFile("filecontent", path)
	if _, err := ff.Write(content); err != nil {
		return nil, err
	}
	w.Close()
	req, err := http.NewRequest("POST", c.resURL(bucket, path), buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.send(req, bucket)
}

func (c *Cos) slicePrepare(bucket, path string, size int64, sha string) (*Response, error) {
	buf := &bytes.Buffer{}
	w := multipart.NewWriter(buf)
	w.WriteField("op", "upload_slice")
	w.WriteField("filesize", fmt.Sprint(size))
	w.WriteField("sha", sha)
	w.Close()
	req, err := http.NewRequest("POST", c.resURL(bucket, path), buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.send(req, bucket)
}

func (c *Cos) sliceData(content []byte, bucket, path, session string, offset int64) (*Response, error) {
	buf := &bytes.Buffer{}
	w := multipart.NewWriter(buf)
	w.WriteField("op", "upload_slice")
	w.WriteField("sha", fmt.Sprintf("%x", sha1.Sum(content)))
	w.WriteField("session", session)
	w.WriteField("offset", fmt.Sprint(offset))
	ff, _ := w.CreateFormFile("filecontent", path)
	if _, err := ff.Write(content); err != nil {
		return nil, err
	}
	w.Close()
	req, err := http.NewRequest("POST", c.resURL(bucket, path), buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.send(req, bucket)
}

// UploadSlice sends a large file in slices. The answer of each call is
// looked at when the loop comes round: any failure ends the upload, and
// the caller gets that answer.
func (c *Cos) UploadSlice(file io.ReadSeeker, bucket, path string) (ret *Response, err error) {
	h := sha1.New()
	size, err := io.Copy(h, file)
	if err != nil {
		return nil, err
	}
	path = cleanPath(path)
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
		if offset == 0 {
			if v, ok := ret.Data["offset"].(float64); ok {
				offset = int64(v)
			}
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

// UploadFile chooses the single or the sliced upload by size.
func (c *Cos) UploadFile(local, bucket, path string) (*Response, error) {
	f, err := os.Open(local)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() < directMaxSize {
		return c.Upload(f, bucket, path)
	}
	return c.UploadSlice(f, bucket, path)
}
