package reuploadshapes

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Shape 1, files/v2: the slice loop is itself the retry loop, and the
// budget is an if. The files/v1 form is cosv1.(*bucket).uploadData.

// push sends data from pos on into session sid. k counts the attempts at
// the current slice; when the if is no longer taken, the slice has failed
// k times and the upload gives up.
func (a *api) push(key, sid string, data []byte) error {
	pos, k := 0, 0
	var last *envelope
	for len(data) > pos {
		end := min(pos+a.chunk, len(data))
		params := map[string]string{"session": sid, "offset": strconv.Itoa(pos)}
		if k < a.maxTries {
			k++
			env, err := a.call("upload_slice_data", key, params, data[pos:end])
			if err != nil {
				return err
			}
			last = env
			if env.Code != 0 { // want "slice resent in the same upload session on every failure code"
				continue
			}
			k = 0
		}
		if k != 0 {
			return fmt.Errorf("%s: slice at %d: %s", key, pos, last.Message)
		}
		pos = end
	}
	return nil
}

// Silent: the same loop, but a failure code opens a new session with
// upload_slice_init and starts again from the first slice.
func (a *api) pushRestart(key string, data []byte) error {
	init, err := a.open(key, int64(len(data)))
	if err != nil {
		return err
	}
	sid := init.Data.Session
	pos, k := 0, 0
	for len(data) > pos {
		end := min(pos+a.chunk, len(data))
		params := map[string]string{"session": sid, "offset": strconv.Itoa(pos)}
		if k < a.maxTries {
			k++
			env, err := a.call("upload_slice_data", key, params, data[pos:end])
			if err != nil {
				return err
			}
			if env.Code != 0 {
				init, err := a.open(key, int64(len(data)))
				if err != nil {
					return err
				}
				sid, pos = init.Data.Session, 0
				continue
			}
			k = 0
		}
		if k != 0 {
			return fmt.Errorf("%s: %d new sessions, none took the slice at %d", key, k, pos)
		}
		pos = end
	}
	_, err = a.done(key, sid, int64(len(data)))
	return err
}

// sendQS: the budget is an if here too, and a named reupload code takes
// the continue (the form is url.Values, sent by a do that knows nothing).
func (c *qsClient) sendQS(key, sid string, chunks [][]byte) error {
	left := 4
	n := 0
	for cur := 0; cur < len(chunks); {
		v := url.Values{}
		v.Set("op", "upload_slice_data")
		v.Set("session", sid)
		v.Set("offset", strconv.Itoa(n))
		v.Set("filecontent", string(chunks[cur]))
		if left > 0 {
			left--
			r, err := c.do(http.MethodPost, c.path(key), strings.NewReader(v.Encode()))
			if err != nil {
				return err
			}
			if r.Code == -4019 { // want "reupload code -4019 .* handled as a plain retry"
				continue
			}
			if r.Code != 0 {
				return fmt.Errorf("%s: %s", key, r.Message)
			}
			left = 4
		}
		if left != 4 {
			return fmt.Errorf("%s: slice %d refused four times", key, cur)
		}
		n += len(chunks[cur])
		cur++
	}
	return nil
}
