package reuploadshapes

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// This file is the client of the "form" author: one request struct per
// operation with form:"..." tags, written into a multipart body by
// reflection, a context on every call, and a reply whose code the caller
// reads.

type sliceForm struct {
	Op      string `form:"op"`
	Session string `form:"session"`
	Offset  int64  `form:"offset"`
	Sha     string `form:"sha,omitempty"`
}

type initForm struct {
	Op         string `form:"op"`
	FileSize   int64  `form:"filesize"`
	SliceSize  int    `form:"slice_size"`
	InsertOnly int    `form:"insertOnly"`
}

type finishForm struct {
	Op       string `form:"op"`
	Session  string `form:"session"`
	FileSize int64  `form:"filesize"`
}

type formReply struct {
	Code int    `json:"code"`
	Msg  string `json:"message"`
	Data struct {
		Session   string `json:"session"`
		SliceSize int    `json:"slice_size"`
		Offset    int64  `json:"offset"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

type formClient struct {
	base      string // https://sh.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc        *http.Client
	auth      func() string
	sliceSize int
	backoff   time.Duration
}

func writeForm(w *multipart.Writer, form any) error {
	v := reflect.ValueOf(form)
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, opt, _ := strings.Cut(t.Field(i).Tag.Get("form"), ",")
		if name == "" || name == "-" || (opt == "omitempty" && v.Field(i).IsZero()) {
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
	if err := writeForm(w, form); err != nil {
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

// begin is upload_slice_init.
func (c *formClient) begin(ctx context.Context, key string, size int64) (*formReply, error) {
	var out formReply
	err := c.postForm(ctx, key, initForm{Op: "upload_slice_init", FileSize: size, SliceSize: c.sliceSize}, nil, &out)
	return &out, err
}
