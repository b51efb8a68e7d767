package cosv1

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
)

// Shape 7, files/v1: the session read back from the slice reply inside the
// retry loop. Every slice reply carries the session it was sent in: it is
// the same session, not a new one, so the resend still goes into the
// broken session.

// storeBlob is followSlices as the registry first wrote it: the request is
// rebuilt from session at each attempt, and session is taken from each
// reply.
func storeBlob(fin *os.File, session string, filesize int64, requestURL string) (string, error) {
	type drsp struct {
		Session   string `json:"session"`
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	var url string
	var offsetsta, offsetend int64
	data := make([]byte, legacyChunk)
	for offsetend < filesize {
		offsetsta = offsetend
		offsetend = min(offsetend+legacyChunk, filesize)
		n, err := fin.ReadAt(data[:offsetend-offsetsta], offsetsta)
		if err != nil && err != io.EOF {
			return "", err
		}
		for cnt := 0; ; cnt++ {
			body, ctype, err := legacyForm(map[string]string{
				"op":          "upload_slice",
				"filecontent": string(data[:n]),
				"sha":         fmt.Sprintf("%x", sha1.Sum(data[:n])),
				"session":     session,
				"offset":      fmt.Sprintf("%v", offsetsta),
			})
			if err != nil {
				return "", err
			}
			req, err := http.NewRequest("POST", requestURL, body)
			if err != nil {
				return "", err
			}
			req.Header.Set("Content-Type", ctype)
			req.Header.Set("Authorization", legacySign())
			rsp, err := http.DefaultClient.Do(req)
			if err != nil {
				return "", err
			}
			out, _ := io.ReadAll(rsp.Body)
			rsp.Body.Close()
			q := qrsp{}
			_ = json.Unmarshal(out, &q)
			session = q.Data.Session
			url = q.Data.AccessURL
			if q.Code == 0 { // want "slice resent in the same upload session on every failure code"
				break
			}
			if cnt == 3 {
				return "", fmt.Errorf("slice at %d: %s", offsetsta, q.Message)
			}
		}
	}
	return url, nil
}

// putWithEcho: the third author's slice loop, taking the session from
// every slice reply before it decides whether to send the slice again.
func (f remote) putWithEcho(sid string, offset int64, r io.Reader, sliceSize int) (*partResult, error) {
	b := make([]byte, sliceSize)
	var part *partResult
	for {
		n, rerr := io.ReadFull(r, b)
		if n == 0 {
			break
		}
		part = new(partResult)
		var err error
		for k := 0; k < 3; k++ {
			err = f.upload(b[:n], newParams("upload_slice").Set("session", sid).Set("offset", strconv.FormatInt(offset, 10)), part)
			if part.Session != "" {
				sid = part.Session // every answer echoes it
			}
			if err == nil { // want "slice resent in the same upload session on every failure code"
				break
			}
		}
		if err != nil {
			return nil, err
		}
		offset += int64(n)
		if rerr != nil {
			break
		}
	}
	return part, nil
}

// Silent: on a failure code the session is read back from a new opening
// call (file size and SHA, no session): that session is the opener's, and
// the offset is the one the opener reports.
func storeBlobReopening(fin *os.File, sha string, filesize int64, requestURL string) error {
	session, offset, err := legacyPrepare(fin, filesize, sha, requestURL)
	if err != nil {
		return err
	}
	reopens := 0
	data := make([]byte, legacyChunk)
	for offset < filesize {
		n, rerr := fin.ReadAt(data, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		body, ctype, err := legacyForm(map[string]string{
			"op":          "upload_slice",
			"filecontent": string(data[:n]),
			"session":     session,
			"offset":      fmt2(offset),
		})
		if err != nil {
			return err
		}
		req, err := http.NewRequest("POST", requestURL, body)
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", ctype)
		rsp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		var q struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		}
		err = json.NewDecoder(rsp.Body).Decode(&q)
		rsp.Body.Close()
		if err != nil {
			return err
		}
		if q.Code != 0 {
			if reopens++; reopens > 2 {
				return fmt.Errorf("slice at %d: %s", offset, q.Message)
			}
			session, offset, err = legacyPrepare(fin, filesize, sha, requestURL)
			if err != nil {
				return err
			}
			continue
		}
		offset += int64(n)
	}
	return nil
}
