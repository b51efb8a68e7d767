package swallowedfailure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"strconv"
)

// This file is the client of the "store" author, a blob store backend:
// the answer type is declared once per package with a local data type, a
// form map written into a multipart body at each call, and functions that
// return (url string, err error) like the dockyard driver.

var (
	storeEndpoint       = "https://sh.file.myqcloud.com/files/v2/1250000000/blobs"
	storeChunk    int64 = 1 << 20
)

type storeData struct {
	Session   string `json:"session"`
	SliceSize int64  `json:"slice_size"`
	AccessURL string `json:"access_url"`
}

type storeAnswer struct {
	Code    int       `json:"code"`
	Message string    `json:"message"`
	Data    storeData `json:"data"`
}

type store struct {
	hc   *http.Client
	sign func() string
}

type form map[string]string

func (s *store) post(name string, f form, content []byte) (*storeAnswer, error) {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	for k, v := range f {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		fw, err := w.CreateFormFile("filecontent", name)
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
	req, err := http.NewRequest("POST", storeEndpoint+"/"+name, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", s.sign())
	rsp, err := s.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer rsp.Body.Close()
	out, err := io.ReadAll(rsp.Body)
	if err != nil {
		return nil, err
	}
	q := &storeAnswer{}
	if err := json.Unmarshal(out, q); err != nil {
		return nil, err
	}
	return q, nil
}

// Put stores blob under name. When upload_slice_init cannot be sent the
// blob is "left for the next push" and Put says nothing went wrong.
func (s *store) Put(name string, blob []byte) (url string, err error) {
	init, err := s.post(name, form{
		"op":         "upload_slice_init",
		"filesize":   strconv.Itoa(len(blob)),
		"slice_size": strconv.FormatInt(storeChunk, 10),
	}, nil)
	if err != nil {
		log.Printf("qcloud: init %s: %v", name, err)
		return "", nil // want "upload failure reported as success"
	}
	if init.Code != 0 {
		return "", fmt.Errorf("qcloud: init %s: %s", name, init.Message)
	}
	if init.Data.AccessURL != "" {
		return init.Data.AccessURL, nil
	}
	if err := s.follow(name, init.Data.Session, blob); err != nil {
		return "", err
	}
	return s.commit(name, init.Data.Session, len(blob))
}

// follow sends the slices; the first refused one ends the upload.
func (s *store) follow(name, session string, blob []byte) error {
	for start := 0; start < len(blob); start += int(storeChunk) {
		end := min(start+int(storeChunk), len(blob))
		q, err := s.post(name, form{
			"op":      "upload_slice_data",
			"session": session,
			"offset":  strconv.Itoa(start),
		}, blob[start:end])
		if err != nil {
			return err
		}
		if q.Code != 0 {
			return fmt.Errorf("qcloud: slice %d of %s: %s", start, name, q.Message)
		}
	}
	return nil
}

// commit closes the session; a refused finish puts the error text in the
// url result and nil in the error.
func (s *store) commit(name, session string, size int) (string, error) {
	q, err := s.post(name, form{
		"op":       "upload_slice_finish",
		"session":  session,
		"filesize": strconv.Itoa(size),
	}, nil)
	if err != nil {
		return "", err
	}
	if q.Code != 0 {
		return "upload failed: " + q.Message, nil // want "upload failure reported as success"
	}
	return q.Data.AccessURL, nil
}

// Silent: the same commit with the failure in the error result.
func (s *store) commitChecked(name, session string, size int) (string, error) {
	q, err := s.post(name, form{
		"op":       "upload_slice_finish",
		"session":  session,
		"filesize": strconv.Itoa(size),
	}, nil)
	if err != nil {
		return "", err
	}
	if q.Code != 0 {
		return "", fmt.Errorf("upload failed: %s", q.Message)
	}
	return q.Data.AccessURL, nil
}
