// Package cosv4kit is a toolkit for batch jobs on COS v4 buckets: it
// copies local trees into a bucket with several workers.
package cosv4kit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RetCode is a COS v4 business code.
type RetCode int

// OK reports whether the code is success.
func (c RetCode) OK() bool { return c == 0 }

// The codes the kit knows about.
const (
	RetSameFile    RetCode = -4018
	RetFileExists  RetCode = -177
	RetFreqControl RetCode = -71
)

type answer struct {
	Code    RetCode         `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

// legacyAnswer is how the old gateway answered; its code is a string.
type legacyAnswer struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Kit uploads with a fixed pool of workers.
type Kit struct {
	Host    string // "sh.file.myqcloud.com"
	AppID   string
	Bucket  string
	Auth    func() string
	Workers int
	HC      *http.Client
}

type result struct {
	key  string
	code RetCode
	err  error
}

func (k *Kit) call(ctx context.Context, key string, fields map[string]string, content []byte) (*answer, int, error) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for name, v := range fields {
		_ = w.WriteField(name, v)
	}
	if content != nil {
		fw, _ := w.CreateFormFile("filecontent", key)
		_, _ = fw.Write(content)
	}
	_ = w.Close()
	u := "https://" + k.Host + "/files/v2/" + k.AppID + "/" + k.Bucket + "/" + key
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, &b)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Authorization", k.Auth())
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := k.HC.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp.StatusCode, err
	}
	var a answer
	if err := json.Unmarshal(raw, &a); err != nil {
		var old legacyAnswer
		if json.Unmarshal(raw, &old) == nil && old.Code == "-4018" { // expect: magic-code
			return &answer{Code: RetSameFile, Message: old.Message}, resp.StatusCode, nil
		}
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusConflict && a.Code.OK() {
		return nil, resp.StatusCode, fmt.Errorf("cosv4kit: %s: HTTP %s", key, resp.Status)
	}
	return &a, resp.StatusCode, nil
}

// CopyAll uploads every item; items are small enough for op=upload.
func (k *Kit) CopyAll(ctx context.Context, items map[string][]byte) map[string]error {
	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for range k.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for key := range jobs {
				a, _, err := k.call(ctx, key, map[string]string{"op": "upload", "insertOnly": "1"}, items[key])
				if err != nil {
					results <- result{key: key, err: err}
					continue
				}
				results <- result{key: key, code: a.Code}
			}
		}()
	}
	go func() {
		for key := range items {
			jobs <- key
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	errs := map[string]error{}
	for r := range results {
		switch {
		case r.err != nil:
			errs[r.key] = r.err
		case r.code.OK(), r.code == RetSameFile, r.code == RetFileExists:
		case r.code == -178: // expect: magic-code
			errs[r.key] = fmt.Errorf("cosv4kit: %s is a directory", r.key)
		default:
			errs[r.key] = fmt.Errorf("cosv4kit: %s: code %d", r.key, r.code)
		}
	}
	return errs
}

// UploadLarge sends one large object through a sliced upload; slices go
// out one after the other, the status of each one arrives on a channel.
func (k *Kit) UploadLarge(ctx context.Context, key string, data []byte) error {
	init, _, err := k.call(ctx, key, map[string]string{
		"op":       "upload_slice_init",
		"filesize": strconv.Itoa(len(data)),
	}, nil)
	if err != nil {
		return err
	}
	var sess struct {
		Session   string `json:"session"`
		SliceSize int    `json:"slice_size"`
	}
	if err := json.Unmarshal(init.Data, &sess); err != nil {
		return err
	}
	status := make(chan RetCode, 1)
	for off := 0; off < len(data); {
		end := min(off+sess.SliceSize, len(data))
		go func() {
			a, _, err := k.call(ctx, key, map[string]string{
				"op":      "upload_slice_data",
				"session": sess.Session,
				"offset":  strconv.Itoa(off),
			}, data[off:end])
			if err != nil {
				status <- -2 // the client's own network-error code, compared nowhere (issue 10: not the API's)
				return
			}
			status <- a.Code
		}()
		code := <-status
		if code == RetFreqControl || code == -4024 { // expect: magic-code
			time.Sleep(time.Second)
			continue
		}
		if code == -4026 { // 索引被删除或SHA不一致，请重新上传 // expect: magic-code reupload-retry
			time.Sleep(time.Second)
			continue
		}
		if !code.OK() {
			return fmt.Errorf("cosv4kit: slice at %d: code %d", off, code)
		}
		off = end
	}
	_, _, err = k.call(ctx, key, map[string]string{"op": "upload_slice_finish", "session": sess.Session}, nil)
	return err // expect: swallowed-failure
}
