package reuploadshapes

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Shape 4: a goto retry.

// gotoRetry: the label sits before the send; a failure code jumps back to
// it with the same sid and pos.
func (a *api) gotoRetry(key, sid string, data []byte) error {
	for pos := 0; pos < len(data); {
		end := min(pos+a.chunk, len(data))
		tries := 0
	retry:
		env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, data[pos:end])
		if err != nil {
			return err
		}
		if env.Code != 0 && tries < a.maxTries { // want "slice resent in the same upload session on every failure code"
			tries++
			time.Sleep(time.Duration(tries) * time.Second)
			goto retry
		}
		if env.Code != 0 {
			return fmt.Errorf("%s: %s", key, env.Message)
		}
		pos = end
	}
	return nil
}

// gotoNamed: the apierr author jumps back for -4026 only.
func (s *svc) gotoNamed(ctx context.Context, key, sid string, off int64, p []byte) error {
	n := 0
again:
	err := s.sendPart(ctx, key, sid, off, p)
	var ce *APIError
	if errors.As(err, &ce) && ce.Code() == -4026 { // want "reupload code -4026 .* handled as a plain retry"
		if n++; n < 3 {
			time.Sleep(s.pause)
			goto again
		}
	}
	return err
}

// Silent: the label sits before upload_slice_init: the jump back opens a
// new session, and the offset starts at zero again.
func (c *qsClient) gotoRestart(key string, data []byte, chunk int) error {
	restarts := 0
restart:
	init, err := c.do(http.MethodPost, c.path(key), strings.NewReader(url.Values{
		"op":         {"upload_slice_init"},
		"filesize":   {strconv.Itoa(len(data))},
		"slice_size": {strconv.Itoa(chunk)},
	}.Encode()))
	if err != nil {
		return err
	}
	if init.Code != 0 {
		return errors.New(init.Message)
	}
	sid := init.Data.Session
	for off := 0; off < len(data); off += chunk {
		q := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d", url.QueryEscape(sid), off)
		r, err := c.do(http.MethodPost, c.path(key)+"?"+q, strings.NewReader(string(data[off:min(off+chunk, len(data))])))
		if err != nil {
			return err
		}
		if r.Code != 0 {
			if restarts < 2 {
				restarts++
				goto restart
			}
			return fmt.Errorf("%s: %s", key, r.Message)
		}
	}
	return nil
}
