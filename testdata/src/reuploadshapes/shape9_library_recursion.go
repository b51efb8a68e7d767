package reuploadshapes

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"reuploadlibs/backoff"
	"reuploadlibs/retry"
)

// Shape 9: a retry library calls the slice send again while it returns an
// error; a function sends its slice again by calling itself.

type constantBackOff time.Duration

func (b constantBackOff) NextBackOff() time.Duration { return time.Duration(b) }

// viaBackoff: the closure turns every failure code into an error, and
// backoff.Retry calls it again with the same session and offset.
func (a *api) viaBackoff(key, sid string, pos int, p []byte) error {
	return backoff.Retry(func() error {
		env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, p)
		if err != nil {
			return err
		}
		if env.Code != 0 { // want "slice resent in the same upload session on every failure code"
			return fmt.Errorf("%s at %d: %s", key, pos, env.Message)
		}
		return nil
	}, constantBackOff(time.Second))
}

// viaRetryDo: the error of sendPart carries the code, and retry.Do calls
// the slice send again for every one of them.
func (s *svc) viaRetryDo(ctx context.Context, key, sid string, off int64, p []byte) error {
	return retry.Do(func() error {
		if err := s.sendPart(ctx, key, sid, off, p); err != nil { // want "slice resent in the same upload session on every failure code"
			return fmt.Errorf("part at %d: %w", off, err)
		}
		return nil
	})
}

// sendPart2 calls itself for the next attempt, on any failure code.
func (a *api) sendPart2(key, sid string, pos int, p []byte, attempt int) error {
	env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, p)
	if err != nil {
		return err
	}
	if env.Code != 0 && attempt < a.maxTries { // want "slice resent in the same upload session on every failure code"
		time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
		return a.sendPart2(key, sid, pos, p, attempt+1)
	}
	if env.Code != 0 {
		return errors.New(env.Message)
	}
	return nil
}

// partAgain calls itself for -4027 only.
func (s *svc) partAgain(ctx context.Context, key, sid string, off int64, p []byte, left int) error {
	err := s.sendPart(ctx, key, sid, off, p)
	if ce := (*APIError)(nil); errors.As(err, &ce) && ce.Code() == -4027 && left > 0 { // want "reupload code -4027 .* handled as a plain retry"
		return s.partAgain(ctx, key, sid, off, p, left-1)
	}
	return err
}

// Silent: backoff.Retry around upload_slice_init only.
func (s *svc) beginRetried(ctx context.Context, key string, size int64, sliceSize int) (string, error) {
	var sid string
	err := backoff.Retry(func() error {
		var err error
		sid, err = s.begin(ctx, key, size, sliceSize)
		return err
	}, constantBackOff(500*time.Millisecond))
	return sid, err
}

// Silent: the recursion starts the whole upload again (a new
// upload_slice_init, from the first slice), it does not resend a slice.
func (a *api) uploadFrom(key string, data []byte, attempt int) error {
	init, err := a.open(key, int64(len(data)))
	if err != nil {
		return err
	}
	if init.Code != 0 {
		return errors.New(init.Message)
	}
	for pos := 0; pos < len(data); pos += a.chunk {
		env, err := a.call("upload_slice_data", key, map[string]string{"session": init.Data.Session, "offset": strconv.Itoa(pos)}, data[pos:min(pos+a.chunk, len(data))])
		if err != nil {
			return err
		}
		if env.Code != 0 {
			if attempt < 3 {
				return a.uploadFrom(key, data, attempt+1)
			}
			return errors.New(env.Message)
		}
	}
	_, err = a.done(key, init.Data.Session, int64(len(data)))
	return err
}
