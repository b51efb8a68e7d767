package uncheckedslice

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// This file is the client of the "apierr" author: a failure code comes
// back as an *APIError built from the answer, the code behind Code(); a
// slice send returns nothing but that error.

// APIError is a failed answer.
type APIError struct {
	code      int
	msg       string
	RequestID string
}

func (e *APIError) Error() string { return fmt.Sprintf("cos: %d %s (%s)", e.code, e.msg, e.RequestID) }

// Code is the business code of the answer.
func (e *APIError) Code() int { return e.code }

type svcAnswer struct {
	Code      int             `json:"code"`
	Message   string          `json:"message"`
	RequestID string          `json:"request_id"`
	Data      json.RawMessage `json:"data"`
}

type svc struct {
	endpoint string // https://cd.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc       *http.Client
	pause    time.Duration
}

// request sends one operation; a failure code comes back as *APIError.
func (s *svc) request(ctx context.Context, op, key string, fields map[string]string, content []byte, out any) error {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	_ = w.WriteField("op", op)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", key)
		if err != nil {
			return err
		}
		if _, err := fw.Write(content); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint+"/"+key, &b)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var a svcAnswer
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		return err
	}
	if a.Code != 0 {
		return &APIError{code: a.Code, msg: a.Message, RequestID: a.RequestID}
	}
	if out != nil && len(a.Data) > 0 {
		return json.Unmarshal(a.Data, out)
	}
	return nil
}

// sendPart is upload_slice_data.
func (s *svc) sendPart(ctx context.Context, key, sid string, off int64, p []byte) error {
	return s.request(ctx, "upload_slice_data", key, map[string]string{
		"session": sid,
		"offset":  strconv.FormatInt(off, 10),
	}, p, nil)
}

// finish is upload_slice_finish.
func (s *svc) finish(ctx context.Context, key, sid string, size int64) error {
	return s.request(ctx, "upload_slice_finish", key, map[string]string{
		"session":  sid,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, nil)
}

// parts keeps the error of the send in err, which the next slice
// overwrites: only the last slice's error is ever tested.
func (s *svc) parts(ctx context.Context, key, sid string, data []byte, chunk int) error {
	var err error
	for off := 0; off < len(data); off += chunk {
		end := min(off+chunk, len(data))
		err = s.sendPart(ctx, key, sid, int64(off), data[off:end]) // want "slice sent without testing its reply"
	}
	if err != nil {
		return err
	}
	return s.finish(ctx, key, sid, int64(len(data)))
}

// Silent: every error is accumulated in errs, which is returned (joined):
// a failed slice is not lost, and finish is not sent after one.
func (s *svc) partsCollected(ctx context.Context, key, sid string, data []byte, chunk int) error {
	var errs []error
	for off := 0; off < len(data); off += chunk {
		end := min(off+chunk, len(data))
		errs = append(errs, s.sendPart(ctx, key, sid, int64(off), data[off:end]))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return s.finish(ctx, key, sid, int64(len(data)))
}

// Silent: errors.As reads the error of each slice; the rate-limit code
// waits and sends the same slice again, anything else ends the upload.
func (s *svc) partsThrottled(ctx context.Context, key, sid string, data []byte, chunk int) error {
	for off := 0; off < len(data); {
		end := min(off+chunk, len(data))
		err := s.sendPart(ctx, key, sid, int64(off), data[off:end])
		var ae *APIError
		if errors.As(err, &ae) && ae.Code() == catalog.ErrorProxyFreqControl {
			time.Sleep(s.pause)
			continue
		}
		if err != nil {
			return fmt.Errorf("%s at %d: %w", key, off, err)
		}
		off = end
	}
	return s.finish(ctx, key, sid, int64(len(data)))
}
