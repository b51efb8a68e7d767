package uncheckedslice

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"os"
	"reflect"
	"strings"
)

// This file is the client of the "form" author: one request struct per
// operation with form:"..." tags written by reflection, a context on every
// call, the answer decoded into a reply the caller passes in.

type sliceInitForm struct {
	Op        string `form:"op"`
	FileSize  int64  `form:"filesize"`
	SliceSize int    `form:"slice_size"`
	BizAttr   string `form:"biz_attr,omitempty"`
}

type sliceDataForm struct {
	Op      string `form:"op"`
	Session string `form:"session"`
	Offset  int64  `form:"offset"`
}

type sliceFinishForm struct {
	Op       string `form:"op"`
	Session  string `form:"session"`
	FileSize int64  `form:"filesize"`
}

type formReply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		SliceSize int    `json:"slice_size"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

type formClient struct {
	base      string // https://bj.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc        *http.Client
	auth      func() string
	sliceSize int
}

func encodeForm(w *multipart.Writer, form any) error {
	v := reflect.ValueOf(form)
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, opt, _ := strings.Cut(t.Field(i).Tag.Get("form"), ",")
		if name == "" || (opt == "omitempty" && v.Field(i).IsZero()) {
			continue
		}
		if err := w.WriteField(name, fmt.Sprint(v.Field(i).Interface())); err != nil {
			return err
		}
	}
	return nil
}

// postForm sends form (and content as filecontent) and decodes the reply
// into out. The error is the transport's.
func (c *formClient) postForm(ctx context.Context, key string, form any, content []byte, out *formReply) error {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := encodeForm(w, form); err != nil {
		return err
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
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/"+key, &b)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.auth())
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(out)
}

func (c *formClient) open(ctx context.Context, key string, size int64) (string, error) {
	var out formReply
	if err := c.postForm(ctx, key, sliceInitForm{Op: "upload_slice_init", FileSize: size, SliceSize: c.sliceSize}, nil, &out); err != nil {
		return "", err
	}
	if out.Code != 0 {
		return "", fmt.Errorf("init %s: %s", key, out.Message)
	}
	return out.Data.Session, nil
}

func (c *formClient) close(ctx context.Context, key, sid string, size int64) (string, error) {
	var out formReply
	if err := c.postForm(ctx, key, sliceFinishForm{Op: "upload_slice_finish", Session: sid, FileSize: size}, nil, &out); err != nil {
		return "", err
	}
	if out.Code != 0 {
		return "", fmt.Errorf("finish %s: %s", key, out.Message)
	}
	return out.Data.AccessURL, nil
}

// putFile builds one send closure per file and calls it for every slice;
// what the closure returns is dropped at the call.
func (c *formClient) putFile(ctx context.Context, key string, f *os.File, size int64) (string, error) {
	sid, err := c.open(ctx, key, size)
	if err != nil {
		return "", err
	}
	var out formReply
	send := func(off int64, p []byte) error {
		return c.postForm(ctx, key, sliceDataForm{Op: "upload_slice_data", Session: sid, Offset: off}, p, &out)
	}
	buf := make([]byte, c.sliceSize)
	for off := int64(0); off < size; off += int64(c.sliceSize) {
		n, err := f.ReadAt(buf, off)
		if err != nil && err != io.EOF {
			return "", err
		}
		send(off, buf[:n]) // want "slice sent without testing its reply"
	}
	return c.close(ctx, key, sid, size)
}

// putCounting counts the slices for the progress log; the send's error
// and the reply are never looked at.
func (c *formClient) putCounting(ctx context.Context, key string, chunks [][]byte) (string, error) {
	var size int64
	for _, ch := range chunks {
		size += int64(len(ch))
	}
	sid, err := c.open(ctx, key, size)
	if err != nil {
		return "", err
	}
	var off int64
	sent := 0
	for _, ch := range chunks {
		var out formReply
		c.postForm(ctx, key, sliceDataForm{Op: "upload_slice_data", Session: sid, Offset: off}, ch, &out) // want "slice sent without testing its reply"
		off += int64(len(ch))
		sent++
		if sent%16 == 0 || sent == len(chunks) {
			log.Printf("%s: %d/%d slices", key, sent, len(chunks))
		}
	}
	return c.close(ctx, key, sid, size)
}

// Silent: the closure's result is tested at every call.
func (c *formClient) putFileChecked(ctx context.Context, key string, f *os.File, size int64) (string, error) {
	sid, err := c.open(ctx, key, size)
	if err != nil {
		return "", err
	}
	send := func(off int64, p []byte) error {
		var out formReply
		if err := c.postForm(ctx, key, sliceDataForm{Op: "upload_slice_data", Session: sid, Offset: off}, p, &out); err != nil {
			return err
		}
		if out.Code != 0 {
			return fmt.Errorf("slice at %d: %s", off, out.Message)
		}
		return nil
	}
	buf := make([]byte, c.sliceSize)
	for off := int64(0); off < size; off += int64(c.sliceSize) {
		n, err := f.ReadAt(buf, off)
		if err != nil && err != io.EOF {
			return "", err
		}
		if err := send(off, buf[:n]); err != nil {
			return "", err
		}
	}
	return c.close(ctx, key, sid, size)
}

// Silent: the verdict is computed into ok from the error and the code
// first, and the condition reads ok.
func (c *formClient) putCountingChecked(ctx context.Context, key, sid string, chunks [][]byte) error {
	var off int64
	for i, ch := range chunks {
		var out formReply
		err := c.postForm(ctx, key, sliceDataForm{Op: "upload_slice_data", Session: sid, Offset: off}, ch, &out)
		ok := err == nil && out.Code == 0
		if !ok {
			return fmt.Errorf("%s: slice %d/%d refused (%v, %q)", key, i+1, len(chunks), err, out.Message)
		}
		off += int64(len(ch))
	}
	return nil
}
