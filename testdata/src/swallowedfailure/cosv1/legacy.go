package cosv1

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
)

// This file is the client of the fourth author, a registry backend:
// package-level settings, a form map written into a multipart body,
// http.NewRequest and http.DefaultClient.Do at every call site, and the
// answer types declared inside the functions that read them.

var (
	legacyEndpoint       = "web.file.myqcloud.com"
	legacyAppID          = "10000000"
	legacyBucket         = "blobs"
	legacyChunk    int64 = 2 * 1024 * 1024
)

func legacyURL(name string) string {
	return "http://" + legacyEndpoint + "/files/v1/" + legacyAppID + "/" + legacyBucket + "/" + name
}

func legacySign() string { return "sign" }

func legacyForm(fields map[string]string) (*bytes.Buffer, string, error) {
	body := &bytes.Buffer{}
	writer := multipart.NewWriter(body)
	for key, val := range fields {
		_ = writer.WriteField(key, val)
	}
	if err := writer.Close(); err != nil {
		return nil, "", err
	}
	return body, writer.FormDataContentType(), nil
}

// follow sends the slices after the opener. A refused slice ends the
// upload with the server's message in the url result and a nil error,
// which the registry stores as the blob's location.
func follow(fin *os.File, name, session string, filesize int64) (url string, err error) {
	type drsp struct {
		Offset    int64  `json:"offset"`
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	buf := make([]byte, legacyChunk)
	for start := int64(0); start < filesize; start += legacyChunk {
		n, rerr := fin.ReadAt(buf, start)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		filedata := string(buf[:n])
		body, ctype, err := legacyForm(map[string]string{
			"op":          "upload_slice",
			"filecontent": filedata,
			"sha":         fmt.Sprintf("%x", sha1.Sum([]byte(filedata))),
			"session":     session,
			"offset":      fmt.Sprint(start),
		})
		if err != nil {
			return "", err
		}
		req, err := http.NewRequest("POST", legacyURL(name), body)
		if err != nil {
			return "", err
		}
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Authorization", legacySign())
		rsp, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		out, err := io.ReadAll(rsp.Body)
		rsp.Body.Close()
		if err != nil {
			return "", err
		}
		q := qrsp{}
		if err := json.Unmarshal(out, &q); err != nil {
			return "", err
		}
		if q.Code != 0 {
			return "upload failed: " + q.Message, nil // want "upload failure reported as success"
		}
		url = q.Data.AccessURL
	}
	return url, nil
}

// Silent: the same loop, with the server's message in the error.
func followChecked(fin *os.File, name, session string, filesize int64) (url string, err error) {
	type drsp struct {
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	buf := make([]byte, legacyChunk)
	for start := int64(0); start < filesize; start += legacyChunk {
		n, rerr := fin.ReadAt(buf, start)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		body, ctype, err := legacyForm(map[string]string{
			"op":          "upload_slice",
			"filecontent": string(buf[:n]),
			"session":     session,
			"offset":      fmt.Sprint(start),
		})
		if err != nil {
			return "", err
		}
		req, err := http.NewRequest("POST", legacyURL(name), body)
		if err != nil {
			return "", err
		}
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Authorization", legacySign())
		rsp, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		out, err := io.ReadAll(rsp.Body)
		rsp.Body.Close()
		if err != nil {
			return "", err
		}
		q := qrsp{}
		if err := json.Unmarshal(out, &q); err != nil {
			return "", err
		}
		if q.Code != 0 {
			return "", fmt.Errorf("upload failed: %s", q.Message)
		}
		url = q.Data.AccessURL
	}
	return url, nil
}
