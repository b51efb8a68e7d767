package main

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// fakeCOS answers the v4 API's sliced-upload ops in memory, and records
// the ops it was sent.
type fakeCOS struct {
	sliceSize int
	initCode  int // the code upload_slice_init answers
	received  []byte
	ops       []string
}

func (f *fakeCOS) RoundTrip(req *http.Request) (*http.Response, error) {
	_, params, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	form, err := multipart.NewReader(req.Body, params["boundary"]).ReadForm(1 << 20)
	if err != nil {
		return nil, err
	}
	op := form.Value["op"][0]
	f.ops = append(f.ops, op)
	answer := map[string]any{"code": 0, "message": "SUCCESS"}
	switch op {
	case "upload_slice_init":
		answer["code"] = f.initCode
		answer["data"] = map[string]any{"session": "s1", "slice_size": f.sliceSize, "access_url": "https://cdn.example/file"}
	case "upload_slice_data":
		part, err := form.File["filecontent"][0].Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, err
		}
		f.received = append(f.received, data...)
	case "upload_slice_finish":
		answer["data"] = map[string]any{"access_url": "https://cdn.example/file"}
	}
	body, err := json.Marshal(answer)
	if err != nil {
		return nil, err
	}
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(bytes.NewReader(body)), Header: http.Header{}}, nil
}

func TestUploadSlices(t *testing.T) {
	cos := &fakeCOS{sliceSize: 4}
	c := &client{appID: "1250000000", region: "sh", bucket: "b", hc: &http.Client{Transport: cos}}
	content := "0123456789"
	url, err := c.uploadSlices("k", strings.NewReader(content), int64(len(content)))
	if err != nil {
		t.Fatal(err)
	}
	if url != "https://cdn.example/file" {
		t.Errorf("access url %q", url)
	}
	if string(cos.received) != content {
		t.Errorf("the server received %q, want %q", cos.received, content)
	}
	if got := strings.Join(cos.ops, " "); got != "upload_slice_init upload_slice_data upload_slice_data upload_slice_data upload_slice_finish" {
		t.Errorf("ops %s", got)
	}
}

// TestSameFileAlreadyUploaded: upload_slice_init answers -4018 when the
// server has the file already, and no slice is sent.
func TestSameFileAlreadyUploaded(t *testing.T) {
	cos := &fakeCOS{sliceSize: 4, initCode: -4018}
	c := &client{hc: &http.Client{Transport: cos}}
	url, err := c.uploadSlices("k", strings.NewReader("data"), 4)
	if err != nil || url != "https://cdn.example/file" {
		t.Fatalf("uploadSlices = %q, %v", url, err)
	}
	if len(cos.ops) != 1 {
		t.Errorf("ops %v, want only upload_slice_init", cos.ops)
	}
}

func TestIsRetryable(t *testing.T) {
	for code, want := range map[int]bool{-71: true, -4024: true, -4019: false, -96: false} {
		if got := isRetryable(code); got != want {
			t.Errorf("isRetryable(%d) = %v, want %v", code, got, want)
		}
	}
}
