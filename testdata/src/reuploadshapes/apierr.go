package reuploadshapes

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"time"
)

// This file is the client of the "apierr" author: a failure code comes
// back as an *APIError built from the answer, with the code behind a
// method; callers look into errors with errors.As.

// APIError is a failed answer.
type APIError struct {
	code      int
	msg       string
	RequestID string
	Status    int
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
	pause    time.Duration
	attempts int
}

// request sends one operation; a failure code is an *APIError.
func (s *svc) request(ctx context.Context, op, key string, fields map[string]string, content []byte, out any) error {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	_ = w.WriteField("op", op)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		fw, _ := w.CreateFormFile("filecontent", key)
		_, _ = fw.Write(content)
	}
	_ = w.Close()
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
		return &APIError{code: a.Code, msg: a.Message, RequestID: a.RequestID, Status: res.StatusCode}
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

// begin is upload_slice_init.
func (s *svc) begin(ctx context.Context, key string, size int64, sliceSize int) (string, error) {
	var data struct {
		Session string `json:"session"`
	}
	err := s.request(ctx, "upload_slice_init", key, map[string]string{
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.Itoa(sliceSize),
	}, nil, &data)
	return data.Session, err
}

// finish is upload_slice_finish.
func (s *svc) finish(ctx context.Context, key, sid string, size int64) error {
	return s.request(ctx, "upload_slice_finish", key, map[string]string{
		"session":  sid,
		"filesize": strconv.FormatInt(size, 10),
	}, nil, nil)
}
