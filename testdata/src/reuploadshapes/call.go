// Package reuploadshapes holds the shapes of issue 9 in the files/v2 API
// (<region>.file.myqcloud.com/files/v2/, ops upload_slice_init, _data,
// _finish and _list), each in more than one client's style; the files/v1
// shapes are in reuploadshapes/cosv1. Every buggy function carries the
// expected diagnostic; the twin next to it is correct and must stay
// silent.
package reuploadshapes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
)

// This file is the client of the "call" author: one generic call(op, key,
// params, content) for every operation, parameters as
// map[string]string, the error only the transport's, the code in the
// envelope.

const callHost = "https://%s.file.myqcloud.com/files/v2/%s/%s/%s"

type listPart struct {
	Offset  int64 `json:"offset"`
	DataLen int64 `json:"datalen"`
}

// envelope is the answer to every call.
type envelope struct {
	Code      int    `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
	Data      struct {
		Session   string     `json:"session"`
		SliceSize int        `json:"slice_size"`
		Offset    int64      `json:"offset"`
		AccessURL string     `json:"access_url"`
		ListParts []listPart `json:"listparts"`
	} `json:"data"`
}

type api struct {
	region, appID, bucket string
	hc                    *http.Client
	token                 func() string
	chunk                 int
	maxTries              int
}

// call sends one operation and decodes its envelope.
func (a *api) call(op, key string, params map[string]string, content []byte) (*envelope, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("op", op); err != nil {
		return nil, err
	}
	for k, v := range params {
		if err := w.WriteField(k, v); err != nil {
			return nil, err
		}
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", path.Base(key))
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(content); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf(callHost, a.region, a.appID, a.bucket, key), &buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", a.token())
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := a.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	env := &envelope{}
	if err := json.NewDecoder(res.Body).Decode(env); err != nil {
		return nil, err
	}
	return env, nil
}

// open is upload_slice_init.
func (a *api) open(key string, size int64) (*envelope, error) {
	return a.call("upload_slice_init", key, map[string]string{
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.Itoa(a.chunk),
	}, nil)
}

// done is upload_slice_finish.
func (a *api) done(key, sid string, size int64) (*envelope, error) {
	return a.call("upload_slice_finish", key, map[string]string{
		"session":  sid,
		"filesize": strconv.FormatInt(size, 10),
	}, nil)
}
