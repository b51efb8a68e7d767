package cosv1

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"
)

func fmt2(n int64) string { return strconv.FormatInt(n, 10) }

// Shape 6, files/v1: a do/while written as for { ...; if ok { break } }
// with the counter checked at the bottom.

// followSlices sends the slices after legacyPrepare: the inner loop has no
// condition, leaves on success, and gives up at the bottom after four
// answers, whatever their code.
func followSlices(fin *os.File, session string, filesize int64, requestURL string) (url string, err error) {
	type drsp struct {
		Offset    int64  `json:"offset"`
		AccessURL string `json:"access_url"`
	}
	type qrsp struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    drsp   `json:"data"`
	}
	var start, end int64
	buf := make([]byte, legacyChunk)
	for end < filesize {
		start = end
		end += legacyChunk
		if end > filesize {
			end = filesize
		}
		n, rerr := fin.ReadAt(buf[:end-start], start)
		if rerr != nil && rerr != io.EOF {
			return "", rerr
		}
		filedata := string(buf[:n])
		cnt := 0
		for {
			body, ctype, err := legacyForm(map[string]string{
				"op":          "upload_slice",
				"filecontent": filedata,
				"sha":         fmt.Sprintf("%x", sha1.Sum([]byte(filedata))),
				"session":     session,
				"offset":      fmt2(start),
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
			out, err := io.ReadAll(rsp.Body)
			rsp.Body.Close()
			if err != nil {
				return "", err
			}
			q := qrsp{}
			_ = json.Unmarshal(out, &q)
			url = q.Data.AccessURL
			if q.Code == 0 { // want "slice resent in the same upload session on every failure code"
				break
			}
			cnt++
			if cnt >= 4 {
				return "", fmt.Errorf("the net is disconnected: slice at %d: %s", start, q.Message)
			}
		}
	}
	return url, nil
}

// Silent: the same do/while around the opening upload_slice (file size and
// SHA, no session): retrying it opens a session, it resends no slice.
func prepareRetried(fin *os.File, filesize int64, sha, requestURL string) (string, int64, error) {
	tries := 0
	for {
		session, offset, err := legacyPrepare(fin, filesize, sha, requestURL)
		if err == nil {
			return session, offset, nil
		}
		tries++
		if tries >= 3 {
			return "", 0, err
		}
		time.Sleep(time.Second)
	}
}
