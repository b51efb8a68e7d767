package reuploadshapes

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// Shape 3: a labelled continue to the slice loop from an inner select that
// waits on a timer or on the context.

// sendAll: any failure code waits for the timer and continues the slice
// loop at the same cur, in the same session.
func (c *formClient) sendAll(ctx context.Context, key, sid string, r io.ReaderAt, size int64) error {
	buf := make([]byte, c.sliceSize)
	var cur int64
slices:
	for cur < size {
		n, err := r.ReadAt(buf, cur)
		if err != nil && err != io.EOF {
			return err
		}
		var out formReply
		if err := c.postForm(ctx, key, sliceForm{Op: "upload_slice_data", Session: sid, Offset: cur}, buf[:n], &out); err != nil {
			return err
		}
		if out.Code != 0 { // want "slice resent in the same upload session on every failure code"
			timer := time.NewTimer(c.backoff)
			select {
			case <-ctx.Done():
				timer.Stop()
				return ctx.Err()
			case <-timer.C:
				continue slices
			}
		}
		cur += int64(n)
	}
	return nil
}

// drain: the url.Values author waits on a ticker for the retry-class -4024
// and, with it, for the reupload code -4019.
func (c *qsClient) drain(ctx context.Context, key, sid string, parts [][]byte) error {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	pos := 0
next:
	for i := 0; i < len(parts); {
		v := url.Values{"op": {"upload_slice_data"}, "session": {sid}, "offset": {strconv.Itoa(pos)}, "filecontent": {string(parts[i])}}
		r, err := c.do(http.MethodPost, c.path(key), strings.NewReader(v.Encode()))
		if err != nil {
			return err
		}
		if r.Code == catalog.ErrOffGoBack || r.Code == catalog.ErrOffsetToZero { // want "reupload code -4019 .* handled as a plain retry"
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-tick.C:
				continue next
			}
		}
		if r.Code != 0 {
			return fmt.Errorf("%s: %s", key, r.Message)
		}
		pos += len(parts[i])
		i++
	}
	return nil
}

// Silent: the labelled continue goes to the attempts loop, whose body
// opens a new session with upload_slice_init and starts at offset zero.
func (c *formClient) sendAllRestarting(ctx context.Context, key string, r io.ReaderAt, size int64) error {
	buf := make([]byte, c.sliceSize)
attempts:
	for attempt := 0; attempt < 3; attempt++ {
		init, err := c.begin(ctx, key, size)
		if err != nil {
			return err
		}
		if init.Code != 0 {
			return fmt.Errorf("%s: %s", key, init.Msg)
		}
		sid := init.Data.Session
		var cur int64
		for cur < size {
			n, err := r.ReadAt(buf, cur)
			if err != nil && err != io.EOF {
				return err
			}
			var out formReply
			if err := c.postForm(ctx, key, sliceForm{Op: "upload_slice_data", Session: sid, Offset: cur}, buf[:n], &out); err != nil {
				return err
			}
			if out.Code != 0 {
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(c.backoff):
					continue attempts
				}
			}
			cur += int64(n)
		}
		var out formReply
		return c.postForm(ctx, key, finishForm{Op: "upload_slice_finish", Session: sid, FileSize: size}, nil, &out)
	}
	return fmt.Errorf("%s: three sessions failed", key)
}
