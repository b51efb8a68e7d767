package cosweb

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"
)

// The codes after which an upload has to start over with a new session.
const (
	codeOffsetToZero = -4019 // 入库失败，请重新上传
	codeIndexDeleted = -4026 // 索引被删除或SHA不一致，请重新上传
	codeIndexRedo    = -4027 // 索引错误，请重新上传
	codeWrongSession = -5983 // 错误的session
	codeFreqControl  = -71   // 操作太频繁,请稍后再试
)

// restartCodes are the codes PutLargeReliably starts over for.
var restartCodes = map[int]bool{
	codeOffsetToZero: true,
	codeIndexDeleted: true,
	codeIndexRedo:    true,
	codeWrongSession: true,
}

// isTransient reports whether the same request may simply be sent again.
func isTransient(code int) bool {
	switch code {
	case codeFreqControl, -4024, http.StatusServiceUnavailable: // expect: magic-code
		return true
	}
	return false
}

// PutLargeReliably uploads r with a new session per attempt: when the
// server lost the session in use, the whole upload starts over.
func (c *Client) PutLargeReliably(ctx context.Context, bucket, key string, r io.ReaderAt, size int64) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		err = c.putSlices(ctx, bucket, key, r, size)
		code := codeOf(err)
		switch {
		case code == 0:
			return nil
		case restartCodes[code]:
			continue // putSlices opens a new session
		case code == codeFreqControl:
			time.Sleep(time.Second << attempt)
			continue
		}
		return err
	}
	return err
}

// putSlices opens a session and sends every slice once; a slice that
// fails a transient way is sent again, any other failure is returned.
func (c *Client) putSlices(ctx context.Context, bucket, key string, r io.ReaderAt, size int64) error {
	var init sliceInit
	err := c.post(ctx, bucket, key, map[string]string{
		"op":       "upload_slice_init",
		"filesize": strconv.FormatInt(size, 10),
	}, nil, &init)
	if err != nil || init.AccessURL != "" {
		return err
	}
	buf := make([]byte, init.SliceSize)
	for offset, tries := int64(0), 0; offset < size; {
		n, rerr := r.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		err := c.post(ctx, bucket, key, map[string]string{
			"op":      "upload_slice_data",
			"session": init.Session,
			"offset":  strconv.FormatInt(offset, 10),
		}, buf[:n], nil)
		if err != nil && isTransient(codeOf(err)) && tries < 5 {
			tries++
			time.Sleep(time.Duration(tries) * 200 * time.Millisecond)
			continue
		}
		if err != nil {
			return err
		}
		tries = 0
		offset += int64(n)
	}
	return c.post(ctx, bucket, key, map[string]string{
		"op":       "upload_slice_finish",
		"session":  init.Session,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, nil)
}
