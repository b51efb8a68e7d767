package uncheckedslice

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
)

// This file is the client of the "kit" author: a batch toolkit with a
// named code type, slices queued as values, results sent on channels.

// RetCode is a COS v4 business code.
type RetCode int64

type kitAnswer struct {
	Code    RetCode         `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

type slice struct {
	key     string
	session string
	offset  int64
	data    []byte
}

type sliceResult struct {
	offset int64
	answer *kitAnswer
	err    error
}

type kit struct {
	host, appID, bucket string
	hc                  *http.Client
	auth                func() string
}

func (k *kit) post(ctx context.Context, key string, fields map[string]string, content []byte) (*kitAnswer, error) {
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
	u := "https://" + k.host + "/files/v2/" + k.appID + "/" + k.bucket + "/" + key
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, &b)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", k.auth())
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := k.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var a kitAnswer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return nil, err
	}
	return &a, nil
}

// putSlice sends one queued slice.
func (k *kit) putSlice(ctx context.Context, s slice) (*kitAnswer, error) {
	return k.post(ctx, s.key, map[string]string{
		"op":      "upload_slice_data",
		"session": s.session,
		"offset":  strconv.FormatInt(s.offset, 10),
	}, s.data)
}

func (k *kit) finishUpload(ctx context.Context, key, session string, size int64) error {
	a, err := k.post(ctx, key, map[string]string{
		"op":       "upload_slice_finish",
		"session":  session,
		"filesize": strconv.FormatInt(size, 10),
	}, nil)
	if err != nil {
		return err
	}
	if a.Code != 0 {
		return fmt.Errorf("finish %s: %s", key, a.Message)
	}
	return nil
}

// drain is the worker without goroutines: it takes the queued slices of
// one upload one after the other and sends each, dropping the answer.
func (k *kit) drain(ctx context.Context, q <-chan slice) (sent int64) {
	for s := range q {
		k.putSlice(ctx, s) // want "slice sent without testing its reply"
		sent += int64(len(s.data))
	}
	return sent
}

// putFirstThenRest sends the first slice alone (the server fixes the
// slice size from it) and the rest in a loop that tests its answers; the
// first one's answer is never looked at.
func (k *kit) putFirstThenRest(ctx context.Context, key, session string, parts []slice, size int64) error {
	if len(parts) == 0 {
		return nil
	}
	// TODO(ops): look at the answer once the server stops sending 503 here
	k.putSlice(ctx, parts[0]) // want "slice sent without testing its reply"
	for _, s := range parts[1:] {
		a, err := k.putSlice(ctx, s)
		if err != nil {
			return err
		}
		if a.Code != 0 {
			return fmt.Errorf("%s at %d: %s", key, s.offset, a.Message)
		}
	}
	return k.finishUpload(ctx, key, session, size)
}

// Silent: the worker sends every result on a channel (stored outside the
// function); the collector decides.
func (k *kit) work(ctx context.Context, q <-chan slice, results chan<- sliceResult) {
	for s := range q {
		a, err := k.putSlice(ctx, s)
		results <- sliceResult{offset: s.offset, answer: a, err: err}
	}
}

// Silent: one slice and nothing after it; the answer is printed and the
// function returns (a debugging probe: no later slice or finish).
func (k *kit) probe(ctx context.Context, s slice) {
	a, err := k.putSlice(ctx, s)
	fmt.Println("probe:", s.key, s.offset, a, err)
}
