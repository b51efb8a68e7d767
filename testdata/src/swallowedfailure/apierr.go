package swallowedfailure

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"mime/multipart"
	"net/http"
	"strconv"

	"github.com/errcodelint/errcodelint/catalog"
)

// This file is the client of the "apierr" author: a failure code comes
// back as an *APIError built from the answer, the code behind Code();
// callers look into errors with errors.As.

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
	endpoint string // https://bj.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc       *http.Client
}

var errIncomplete = errors.New("cos: upload incomplete")

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

func (s *svc) begin(ctx context.Context, key string, size int64, chunk int) (string, error) {
	var data struct {
		Session string `json:"session"`
	}
	err := s.request(ctx, "upload_slice_init", key, map[string]string{
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.Itoa(chunk),
	}, nil, &data)
	return data.Session, err
}

func (s *svc) sendPart(ctx context.Context, key, sid string, off int64, p []byte) error {
	return s.request(ctx, "upload_slice_data", key, map[string]string{
		"session": sid,
		"offset":  strconv.FormatInt(off, 10),
	}, p, nil)
}

func (s *svc) finish(ctx context.Context, key, sid string, size int64) error {
	return s.request(ctx, "upload_slice_finish", key, map[string]string{
		"session":  sid,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, nil)
}

// putParts leaves out a part the server refused ("the rest still gets
// there") and reports success once finish went through.
func (s *svc) putParts(ctx context.Context, key, sid string, data []byte, chunk int) error {
	for off := 0; off < len(data); off += chunk {
		end := min(off+chunk, len(data))
		if err := s.sendPart(ctx, key, sid, int64(off), data[off:end]); err != nil {
			log.Printf("%s: part at %d left out: %v", key, off, err)
			continue
		}
	}
	if err := s.finish(ctx, key, sid, int64(len(data))); err != nil {
		return err
	}
	return nil // want "upload failure reported as success"
}

// Silent: the same loop with a flag: a refused part sets failed, and the
// function tests failed before it reports success.
func (s *svc) putPartsFlagged(ctx context.Context, key, sid string, data []byte, chunk int) error {
	failed := false
	for off := 0; off < len(data); off += chunk {
		end := min(off+chunk, len(data))
		if err := s.sendPart(ctx, key, sid, int64(off), data[off:end]); err != nil {
			log.Printf("%s: part at %d: %v", key, off, err)
			failed = true
			continue
		}
	}
	if failed {
		return errIncomplete
	}
	if err := s.finish(ctx, key, sid, int64(len(data))); err != nil {
		return err
	}
	return nil
}

func isReupload(code int) bool {
	switch code {
	case catalog.ErrOffsetToZero, catalog.ErrOffsetBackTooMuch, catalog.ErrOffsetRedo,
		catalog.ErrorProcessOffset, catalog.ErrorProcessDecodeSession, catalog.ErrorProxyWrongSession,
		catalog.ErrorCgiWrongSession, catalog.ErrDecodeSession, catalog.ErrParamInvalidSessionDecodeError,
		catalog.ErrNotSameSHA, catalog.ErrorCmdCosShaNotEqu, catalog.ErrorCmdCosFileSizeNotEqu,
		catalog.ErrorCgiShaNotMatch:
		return true
	}
	return false
}

// Silent: a part refused with a session code starts the upload over with
// upload_slice_init (twice at most); any other failure is returned.
func (s *svc) putRestarting(ctx context.Context, key string, data []byte, chunk int) error {
	restarts := 0
start:
	sid, err := s.begin(ctx, key, int64(len(data)), chunk)
	var ae *APIError
	if errors.As(err, &ae) && (ae.Code() == catalog.ErrSameFileUpload || ae.Code() == catalog.ErrorCmdCosFileExist) {
		return nil // done: the server has the file
	}
	if err != nil {
		return err
	}
	for off := 0; off < len(data); off += chunk {
		end := min(off+chunk, len(data))
		err := s.sendPart(ctx, key, sid, int64(off), data[off:end])
		if errors.As(err, &ae) && isReupload(ae.Code()) && restarts < 2 {
			restarts++
			goto start
		}
		if err != nil {
			return err
		}
	}
	if err := s.finish(ctx, key, sid, int64(len(data))); err != nil {
		return err
	}
	return nil
}
