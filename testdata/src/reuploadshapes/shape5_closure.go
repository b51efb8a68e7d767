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

// Shape 5: the retry goes through a closure called in a loop.

// putChunk: send is built once for this slice and called up to three
// times; a reply with any code but 0 takes the else and goes round.
func (c *qsClient) putChunk(key, sid string, pos int64, chunk []byte) error {
	send := func() (*qsReply, error) {
		v := url.Values{}
		v.Set("op", "upload_slice_data")
		v.Set("session", sid)
		v.Set("offset", strconv.FormatInt(pos, 10))
		v.Set("filecontent", string(chunk))
		return c.do(http.MethodPost, c.path(key), strings.NewReader(v.Encode()))
	}
	var last error
	for i := 0; i < 3; i++ {
		if r, err := send(); err != nil {
			last = err
		} else if r.Code == 0 { // want "slice resent in the same upload session on every failure code"
			return nil
		} else {
			last = fmt.Errorf("%s at %d: %s", key, pos, r.Message)
		}
	}
	return last
}

// sliceWithBudget: the closure hands back the code alone; -4027 waits and
// goes round with the rest of the retry-class codes.
func (c *formClient) sliceWithBudget(ctx context.Context, key, sid string, cur int64, p []byte) error {
	attempt := func() (int, error) {
		var out formReply
		err := c.postForm(ctx, key, sliceForm{Op: "upload_slice_data", Session: sid, Offset: cur}, p, &out)
		return out.Code, err
	}
	for budget := 3; budget > 0; budget-- {
		code, err := attempt()
		if err != nil {
			return err
		}
		if code == 0 {
			return nil
		}
		if code == -71 || code == -4027 { // want "reupload code -4027 .* handled as a plain retry"
			time.Sleep(c.backoff)
			continue
		}
		return fmt.Errorf("%s: code %d", key, code)
	}
	return errors.New("out of budget")
}

// Silent: the closure is a whole upload (upload_slice_init, every slice,
// upload_slice_finish): each call of it is a new session.
func (a *api) uploadWhole(key string, data []byte) error {
	whole := func() error {
		init, err := a.open(key, int64(len(data)))
		if err != nil {
			return err
		}
		if init.Code != 0 {
			return errors.New(init.Message)
		}
		for pos := 0; pos < len(data); pos += a.chunk {
			env, err := a.call("upload_slice_data", key, map[string]string{
				"session": init.Data.Session,
				"offset":  strconv.Itoa(pos),
			}, data[pos:min(pos+a.chunk, len(data))])
			if err != nil {
				return err
			}
			if env.Code != 0 {
				return errors.New(env.Message)
			}
		}
		_, err = a.done(key, init.Data.Session, int64(len(data)))
		return err
	}
	var err error
	for i := 0; i < 3; i++ {
		if err = whole(); err == nil {
			return nil
		}
	}
	return err
}

var errBroken = errors.New("upload session broken: start over")

// Silent: the closure takes the reupload codes out first, as an error the
// loop does not retry; the loop goes round only for the other codes, and
// the caller starts a new upload on errBroken.
func (c *formClient) sliceCodesFirst(ctx context.Context, key, sid string, cur int64, p []byte) error {
	try := func() error {
		var out formReply
		if err := c.postForm(ctx, key, sliceForm{Op: "upload_slice_data", Session: sid, Offset: cur}, p, &out); err != nil {
			return err
		}
		switch out.Code {
		case 0:
			return nil
		case -4019, -4026, -4027, -290, -286, -94, -5983, -4013, -4021, -4016, -174, -175, -5984:
			return errBroken // every reupload code of the list
		}
		return fmt.Errorf("code %d: %s", out.Code, out.Msg)
	}
	var err error
	for n := 0; n < 3; n++ {
		err = try()
		if err == nil || errors.Is(err, errBroken) {
			return err
		}
		time.Sleep(c.backoff)
	}
	return err
}
