package uncheckedslice

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// This file is the client of the "query" author: the caller builds the
// request with url.Values or fmt.Sprintf, and one do(method, path, body)
// that knows no operation sends it. The code is an int64.

type qsAnswer struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

type qsClient struct {
	root string // https://sh.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc   *http.Client
	sign func(path string) string
}

func (c *qsClient) path(key string) string { return c.root + "/" + strings.TrimPrefix(key, "/") }

// do sends method to path with body and decodes the answer.
func (c *qsClient) do(method, path string, body io.Reader) (*qsAnswer, error) {
	req, err := http.NewRequest(method, path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.sign(path))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	a := new(qsAnswer)
	if err := json.NewDecoder(res.Body).Decode(a); err != nil {
		return nil, err
	}
	return a, nil
}

// pushGoto walks the data with a label and a goto; only the answer of the
// last slice is looked at, after the walk.
func (c *qsClient) pushGoto(key, sid string, data []byte, chunk int) error {
	pos := 0
	var r *qsAnswer
	var err error
next:
	end := min(pos+chunk, len(data))
	v := url.Values{
		"op":          {"upload_slice_data"},
		"session":     {sid},
		"offset":      {strconv.Itoa(pos)},
		"filecontent": {string(data[pos:end])},
	}
	r, err = c.do(http.MethodPost, c.path(key), strings.NewReader(v.Encode())) // want "slice sent without testing its reply"
	pos = end
	if pos < len(data) {
		goto next
	}
	if err != nil {
		return err
	}
	if r.Code != 0 {
		return fmt.Errorf("%s: %s", key, r.Message)
	}
	fin := url.Values{"op": {"upload_slice_finish"}, "session": {sid}, "filesize": {strconv.Itoa(len(data))}}
	r, err = c.do(http.MethodPost, c.path(key), strings.NewReader(fin.Encode()))
	if err != nil {
		return err
	}
	if r.Code != 0 {
		return fmt.Errorf("%s: finish: %s", key, r.Message)
	}
	return nil
}

// pushAll is a do/while over the slices, the request written with
// Sprintf; the answer of do is not even kept.
func (c *qsClient) pushAll(key, sid string, data []byte, chunk int) error {
	off := 0
	for {
		end := min(off+chunk, len(data))
		body := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d&filecontent=%s",
			url.QueryEscape(sid), off, url.QueryEscape(string(data[off:end])))
		c.do(http.MethodPost, c.path(key), strings.NewReader(body)) // want "slice sent without testing its reply"
		off = end
		if off >= len(data) {
			break
		}
	}
	fin, err := c.do(http.MethodPost, c.path(key), strings.NewReader(
		"op=upload_slice_finish&session="+url.QueryEscape(sid)+"&filesize="+strconv.Itoa(len(data))))
	if err != nil {
		return err
	}
	if fin.Code != 0 {
		return errors.New(fin.Message)
	}
	return nil
}

// batchJob is one upload of a nightly batch; the report is written from
// answers once the batch is over.
type batchJob struct {
	key     string
	sid     string
	answers map[int]*qsAnswer
}

// Silent: every answer is stored in the job (a map element outside the
// function) for the report; the check asks for a test or a record, and
// this is a record.
func (c *qsClient) pushStored(job *batchJob, data []byte, chunk int) {
	for off := 0; off < len(data); off += chunk {
		end := min(off+chunk, len(data))
		q := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d", url.QueryEscape(job.sid), off)
		r, _ := c.do(http.MethodPost, c.path(job.key)+"?"+q, strings.NewReader(string(data[off:end])))
		job.answers[off] = r
	}
}

// Silent: a do/while like pushAll, but the answer decides whether the
// loop goes on: only a code 0 moves the offset.
func (c *qsClient) pushAllChecked(key, sid string, data []byte, chunk int) error {
	off := 0
	for {
		end := min(off+chunk, len(data))
		body := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d&filecontent=%s",
			url.QueryEscape(sid), off, url.QueryEscape(string(data[off:end])))
		r, err := c.do(http.MethodPost, c.path(key), strings.NewReader(body))
		if err != nil {
			return err
		}
		if r.Code != 0 {
			return fmt.Errorf("%s at %d: %s", key, off, r.Message)
		}
		off = end
		if off >= len(data) {
			break
		}
	}
	fin, err := c.do(http.MethodPost, c.path(key), strings.NewReader(
		"op=upload_slice_finish&session="+url.QueryEscape(sid)+"&filesize="+strconv.Itoa(len(data))))
	if err != nil {
		return err
	}
	if fin.Code != 0 {
		return errors.New(fin.Message)
	}
	return nil
}
