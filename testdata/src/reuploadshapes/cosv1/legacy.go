package cosv1

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
)

// This file is the client of the fourth author, a registry backend that
// stores blobs: package-level settings, a form map written field by field
// into a multipart body, http.NewRequest at every call site, and the
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

// legacyForm builds the multipart body of a form map.
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

// legacyPrepare opens the session: the first upload_slice, with the size
// and SHA of the whole blob.
func legacyPrepare(fin *os.File, filesize int64, sha, requestURL string) (session string, offset int64, err error) {
	body, ctype, err := legacyForm(map[string]string{
		"op":         "upload_slice",
		"filesize":   fmt2(filesize),
		"sha":        sha,
		"slice_size": fmt2(legacyChunk),
	})
	if err != nil {
		return "", 0, err
	}
	req, err := http.NewRequest("POST", requestURL, body)
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", legacySign())
	rsp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer rsp.Body.Close()
	out, err := io.ReadAll(rsp.Body)
	if err != nil {
		return "", 0, err
	}
	type drsp struct {
		Offset  int64  `json:"offset"`
		Session string `json:"session"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	q := qrsp{}
	if err := json.Unmarshal(out, &q); err != nil {
		return "", 0, err
	}
	if q.Code != 0 {
		return "", 0, &legacyError{q.Code, q.Message}
	}
	return q.Data.Session, q.Data.Offset, nil
}

type legacyError struct {
	code int
	msg  string
}

func (e *legacyError) Error() string { return e.msg }
