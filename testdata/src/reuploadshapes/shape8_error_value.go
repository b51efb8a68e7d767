package reuploadshapes

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// Shape 8: the slice sender returns an error that carries the code, built
// from the envelope (*APIError) or the envelope itself (*formReply below);
// the loop looks into it with errors.As.

// parts: errors.As to the client's error type, then the code method: the
// reupload code -4019 sleeps and goes round with the same off and sid.
func (s *svc) parts(ctx context.Context, key, sid string, data []byte, chunk int) error {
	for off := 0; off < len(data); {
		end := min(off+chunk, len(data))
		err := s.sendPart(ctx, key, sid, int64(off), data[off:end])
		var ce *APIError
		if errors.As(err, &ce) && ce.Code() == -4019 { // want "reupload code -4019 .* handled as a plain retry"
			time.Sleep(s.pause)
			continue
		}
		if err != nil {
			return err
		}
		off = end
	}
	return nil
}

// partsBlanket: err != nil is the failure test, and the error is the
// answer: every failure code goes round.
func (s *svc) partsBlanket(ctx context.Context, key, sid string, data []byte, chunk int) error {
	budget := s.attempts
	for off := 0; off < len(data); {
		end := min(off+chunk, len(data))
		if err := s.sendPart(ctx, key, sid, int64(off), data[off:end]); err != nil { // want "slice resent in the same upload session on every failure code"
			budget--
			if budget == 0 {
				return err
			}
			continue
		}
		off = end
	}
	return nil
}

// Error makes the reply its own error.
func (r *formReply) Error() string { return fmt.Sprintf("cos %d: %s", r.Code, r.Msg) }

// putSlice returns the reply itself as the error of a failure code.
func (c *formClient) putSlice(ctx context.Context, key, sid string, cur int64, p []byte) error {
	out := new(formReply)
	if err := c.postForm(ctx, key, sliceForm{Op: "upload_slice_data", Session: sid, Offset: cur}, p, out); err != nil {
		return err
	}
	if out.Code != 0 {
		return out
	}
	return nil
}

// putAll: errors.As to the envelope, then its field.
func (c *formClient) putAll(ctx context.Context, key, sid string, chunks [][]byte) error {
	var cur int64
	for i := 0; i < len(chunks); {
		err := c.putSlice(ctx, key, sid, cur, chunks[i])
		var fr *formReply
		if errors.As(err, &fr) && fr.Code == catalog.ErrOffsetBackTooMuch { // want "reupload code -4026 .* handled as a plain retry"
			time.Sleep(c.backoff)
			continue
		}
		if err != nil {
			return err
		}
		cur += int64(len(chunks[i]))
		i++
	}
	return nil
}

// Silent: only a network timeout goes round; an error with a code in it
// ends the loop.
func (c *formClient) putAllTimeouts(ctx context.Context, key, sid string, chunks [][]byte) error {
	var cur int64
	for i := 0; i < len(chunks); {
		err := c.putSlice(ctx, key, sid, cur, chunks[i])
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			continue
		}
		if err != nil {
			return err
		}
		cur += int64(len(chunks[i]))
		i++
	}
	return nil
}

func isReupload(code int) bool {
	switch code {
	case -4019, -4026, -4027, -290, -286, -94, -5983, -4013, -4021, -4016, -174, -175, -5984:
		return true
	}
	return false
}

// Silent: the retry loop takes the reupload codes out first, and for them
// it opens a new session and starts from the first slice; the other
// failure codes are answered with a return.
func (s *svc) partsRestarting(ctx context.Context, key string, data []byte, chunk int) error {
	sid, err := s.begin(ctx, key, int64(len(data)), chunk)
	if err != nil {
		return err
	}
	restarts := 0
	for off := 0; off < len(data); {
		end := min(off+chunk, len(data))
		err := s.sendPart(ctx, key, sid, int64(off), data[off:end])
		var ce *APIError
		if errors.As(err, &ce) && isReupload(ce.Code()) && restarts < 2 {
			restarts++
			if sid, err = s.begin(ctx, key, int64(len(data)), chunk); err != nil {
				return err
			}
			off = 0
			continue
		}
		if err != nil {
			return err
		}
		off = end
	}
	return s.finish(ctx, key, sid, int64(len(data)))
}
