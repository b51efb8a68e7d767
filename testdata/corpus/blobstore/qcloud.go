// Package blobstore is the qcloud backend of an image registry: it saves
// layer blobs into a COS bucket through the files/v1 JSON API, a single
// upload for small blobs and op=upload_slice for large ones.
package blobstore

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// Settings, filled from the registry's runtime configuration.
var (
	Endpoint        = "web.file.myqcloud.com"
	QcloudAccessID  string // the appid
	Bucket          string
	AccessKeyID     string
	AccessKeySecret string
)

// Drivers maps a backend name to its save function.
var Drivers = map[string]func(file string) (string, error){}

func init() {
	Drivers["qcloud"] = Save
}

// Save stores the file at path and returns its URL.
func Save(path string) (url string, err error) {
	fin, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fin.Close()
	requestURL := "http://" + Endpoint + "/" + "files" + "/" + "v1" + "/" + QcloudAccessID + "/" + Bucket + "/" + filepath.Base(path)
	return putBlob(fin, path, requestURL)
}

// plainText lays the signature parameters out in the order the API wants.
func plainText(params map[string]interface{}) string {
	var s string
	for _, k := range []string{"a", "b", "k", "e", "t", "r", "f"} {
		s += "&" + k + "=" + fmt.Sprintf("%v", params[k])
	}
	return s[1:]
}

func sign(plain, secretKey string) string {
	mac := hmac.New(sha1.New, []byte(secretKey))
	mac.Write([]byte(plain))
	return base64.StdEncoding.EncodeToString(append(mac.Sum(nil), []byte(plain)...))
}

func generateSign() string {
	now := time.Now().Unix()
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	return sign(plainText(map[string]interface{}{
		"a": QcloudAccessID,
		"b": Bucket,
		"k": AccessKeyID,
		"e": now + 2000000,
		"t": now,
		"r": r.Intn(100),
		"f": "",
	}), AccessKeySecret)
}

// CriticalSize is where a blob is sent in slices, and the slice size.
var CriticalSize int64 = 2 * 1024 * 1024

func formBody(params map[string]string) (*bytes.Buffer, string, error) {
	body := &bytes.Buffer{}
	writer := multipart.NewWriter(body)
	for key, val := range params {
		_ = writer.WriteField(key, val)
	}
	if err := writer.Close(); err != nil {
		return nil, "", err
	}
	return body, writer.FormDataContentType(), nil
}

// prepare is the first upload_slice call: it opens the session.
func prepare(fin *os.File, filesize int64, requestURL string) (session string, err error) {
	h := sha1.New()
	if _, err = io.Copy(h, fin); err != nil {
		return "", err
	}
	body, contentType, err := formBody(map[string]string{
		"op":         "upload_slice",
		"filesize":   fmt.Sprintf("%v", filesize),
		"sha":        fmt.Sprintf("%x", h.Sum(nil)),
		"slice_size": fmt.Sprintf("%v", CriticalSize),
	})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequest("POST", requestURL, body)
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", generateSign())
	rsp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer rsp.Body.Close()
	out, err := io.ReadAll(rsp.Body)
	if err != nil {
		return "", err
	}
	type drsp struct {
		Offset    int64  `json:"offset"`
		Session   string `json:"session"`
		SliceSize int    `json:"slice_size"`
		URL       string `json:"url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	q := qrsp{}
	_ = json.Unmarshal(out, &q)
	if q.Data.URL != "" {
		return q.Data.URL, errors.New("file exists")
	}
	return q.Data.Session, nil // expect: swallowed-failure
}

// follow sends the slices into session. The form of a slice is written
// once; each attempt posts it again.
func follow(fin *os.File, session string, filesize int64, requestURL string) (url string, err error) {
	type drsp struct {
		Offset    int64  `json:"offset"`
		Session   string `json:"session"`
		SliceSize int    `json:"slice_size"`
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	var start, end int64
	var cnt int
	chunk := make([]byte, CriticalSize)
	for {
		start = end
		end += CriticalSize
		if end > filesize {
			end = filesize
		}
		n, rerr := fin.ReadAt(chunk[:end-start], start)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		data := string(chunk[:n])
		body, contentType, err := formBody(map[string]string{
			"op":          "upload_slice",
			"filecontent": data,
			"sha":         fmt.Sprintf("%x", sha1.Sum([]byte(data))),
			"session":     session,
			"offset":      fmt.Sprintf("%v", start),
		})
		if err != nil {
			return "", err
		}
		header := make(http.Header)
		header.Set("Content-Type", contentType)
		header.Set("Authorization", generateSign())
		for cnt = 0; ; cnt++ { // expect: reupload-retry
			req, err := http.NewRequest("POST", requestURL, body)
			if err != nil {
				return "", err
			}
			req.Header = header
			rsp, err := http.DefaultClient.Do(req)
			if err != nil {
				return "", err
			}
			out, err := io.ReadAll(rsp.Body)
			rsp.Body.Close()
			q := qrsp{}
			err = json.Unmarshal(out, &q)
			session = q.Data.Session
			url = q.Data.AccessURL
			if q.Code == 0 {
				break
			}
			if cnt == 3 {
				return "The net is disconnected!!!", err // expect: swallowed-failure
			}
		}
		if end >= filesize {
			break
		}
	}
	return url, err
}

func putBlob(fin *os.File, path, requestURL string) (string, error) {
	fi, err := fin.Stat()
	if err != nil {
		return "", err
	}
	if fi.Size() > CriticalSize {
		session, err := prepare(fin, fi.Size(), requestURL)
		if err != nil {
			return session, err
		}
		return follow(fin, session, fi.Size(), requestURL)
	}
	h := sha1.New()
	if _, err := io.Copy(h, fin); err != nil {
		return "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	body, contentType, err := formBody(map[string]string{
		"op":          "upload",
		"filecontent": string(data),
		"sha":         fmt.Sprintf("%x", h.Sum(nil)),
	})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequest("POST", requestURL, body)
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", generateSign())
	return clientDo(req)
}

// clientDo sends a single upload and reads the URL from the answer.
func clientDo(req *http.Request) (url string, err error) {
	rsp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer rsp.Body.Close()
	out, err := io.ReadAll(rsp.Body)
	if err != nil {
		return "", err
	}
	type drsp struct {
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	q := qrsp{}
	_ = json.Unmarshal(out, &q)
	if q.Code == 0 {
		url = q.Data.AccessURL
	}
	if q.Code == -4018 { // the same blob is there already // expect: magic-code
		return "file exists", errors.New("file exists")
	}
	return url, nil // expect: swallowed-failure
}
