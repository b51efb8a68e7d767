// Package vodup receives video files from the browser and stores them in a
// COS v4 bucket (files/v2), then tells the transcoder.
package vodup

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// BaseResp is the part every COS answer shares.
type BaseResp struct {
	ErrCode   int    `json:"code,omitempty"`
	ErrMsg    string `json:"message,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// GetCode returns the business code.
func (r BaseResp) GetCode() int { return r.ErrCode }

// InitResp is the answer to upload_slice_init.
type InitResp struct {
	*BaseResp
	Data struct {
		Session   string `json:"session"`
		SliceSize int64  `json:"slice_size"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

// StatResp is decoded with UseNumber, so its code is a json.Number.
type StatResp struct {
	Code    json.Number `json:"code"`
	Message string      `json:"message"`
	Data    struct {
		FileLen int64 `json:"filelen"`
	} `json:"data"`
}

// CosError is returned by Server.put for failed answers.
type CosError struct {
	Code int
	Msg  string
}

func (e CosError) Error() string { return fmt.Sprintf("cos %d: %s", e.Code, e.Msg) }

// Server is the upload endpoint of the web app.
type Server struct {
	Region, AppID, Bucket string
	Sign                  func() string
	HC                    *http.Client
	Notify                func(key, url string)
}

func (s *Server) cosURL(key string) string {
	return fmt.Sprintf("https://%s.file.myqcloud.com/files/v2/%s/%s/%s", s.Region, s.AppID, s.Bucket, key)
}

func (s *Server) send(ctx context.Context, key string, fields map[string]string, content []byte, out any) error {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		fw, _ := w.CreateFormFile("filecontent", key)
		_, _ = fw.Write(content)
	}
	_ = w.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cosURL(key), &b)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", s.Sign())
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := s.HC.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	dec.UseNumber()
	return dec.Decode(out)
}

// ServeHTTP takes a multipart upload with fields "key" and "file".
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		s.fail(w, 405, "POST only")
		return
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		s.fail(w, 400, err.Error())
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	key := r.FormValue("key")
	url, err := s.put(r.Context(), key, data)
	var ce CosError
	switch {
	case errors.As(err, &ce) && ce.Code == -96: // expect: magic-code
		s.fail(w, 503, "signature expired, try again")
		return
	case err != nil:
		s.fail(w, 502, err.Error())
		return
	}
	s.Notify(key, url)
	w.WriteHeader(http.StatusCreated)
}

// fail answers the browser; status is ours, not COS's.
func (s *Server) fail(w http.ResponseWriter, status int, msg string) {
	if status == 500 || status == 502 {
		log.Printf("vodup: %d %s", status, msg)
	}
	http.Error(w, msg, status)
}

// put uploads data under key and returns its access URL.
func (s *Server) put(ctx context.Context, key string, data []byte) (string, error) {
	var init InitResp
	for attempt := 0; attempt < 2; attempt++ {
		init = InitResp{BaseResp: &BaseResp{}}
		err := s.send(ctx, key, map[string]string{
			"op":       "upload_slice_init",
			"filesize": strconv.Itoa(len(data)),
		}, nil, &init)
		if err != nil {
			return "", err
		}
		if init.GetCode() == -4019 { // an unfinished upload of this key exists: drop it, init again // expect: magic-code
			if err := s.remove(ctx, key); err != nil {
				return "", err
			}
			continue
		}
		break
	}
	if slices.Contains([]int{-4018, -177}, init.GetCode()) { // expect: magic-code magic-code
		return init.Data.AccessURL, nil
	}
	if init.GetCode() != 0 {
		return "", CosError{init.GetCode(), init.ErrMsg}
	}
	if init.Data.AccessURL != "" {
		return init.Data.AccessURL, nil
	}
	broken := false
	for off := int64(0); off < int64(len(data)); off += init.Data.SliceSize {
		end := min(off+init.Data.SliceSize, int64(len(data)))
		var res BaseResp
		for range 3 { // expect: reupload-retry
			err := s.send(ctx, key, map[string]string{
				"op":      "upload_slice_data",
				"session": init.Data.Session,
				"offset":  strconv.FormatInt(off, 10),
			}, data[off:end], &res)
			if err == nil && res.ErrCode == 0 {
				break
			}
			time.Sleep(500 * time.Millisecond)
		}
		if res.ErrCode == -4027 || res.ErrCode == -290 { // the session is gone // expect: magic-code magic-code
			broken = true
			break
		}
		if res.ErrCode != 0 {
			return "", CosError{res.ErrCode, res.ErrMsg}
		}
	}
	if broken {
		if err := s.remove(ctx, key); err != nil {
			return "", err
		}
		return s.put(ctx, key, data)
	}
	var fin struct {
		BaseResp
		Data struct {
			AccessURL string `json:"access_url"`
		} `json:"data"`
	}
	err := s.send(ctx, key, map[string]string{"op": "upload_slice_finish", "session": init.Data.Session}, nil, &fin)
	if err != nil {
		return "", err
	}
	if fin.ErrCode != 0 {
		return "", CosError{fin.ErrCode, fin.ErrMsg}
	}
	return fin.Data.AccessURL, s.verify(ctx, key, int64(len(data)))
}

func (s *Server) remove(ctx context.Context, key string) error {
	var res BaseResp
	if err := s.send(ctx, key, map[string]string{"op": "delete"}, nil, &res); err != nil {
		return err
	}
	if res.ErrCode != 0 && res.ErrCode != -197 { // expect: magic-code
		return CosError{res.ErrCode, res.ErrMsg}
	}
	return nil
}

// verify checks the stored length; the stat answer is decoded with UseNumber.
func (s *Server) verify(ctx context.Context, key string, size int64) error {
	var st StatResp
	if err := s.send(ctx, key, map[string]string{"op": "stat"}, nil, &st); err != nil {
		return err
	}
	code, err := st.Code.Int64()
	if err != nil {
		return err
	}
	if code == -166 { // not indexed yet: the transcoder polls anyway // expect: magic-code
		return nil
	}
	if code != 0 || st.Data.FileLen != size {
		return fmt.Errorf("vodup: %s stored %d of %d bytes (code %d)", key, st.Data.FileLen, size, code)
	}
	return nil
}
