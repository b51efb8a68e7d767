package swallowedfailure

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// This file is the client of the "query" author: the request is a query
// string built by the caller, do(method, path, body) knows no operation,
// and retries are written with goto.

type qsReply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		AccessURL string `json:"access_url"`
		ListParts []struct {
			Offset  int `json:"offset"`
			DataLen int `json:"datalen"`
		} `json:"listparts"`
	} `json:"data"`
}

type qsClient struct {
	root string // https://gz.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc   *http.Client
	sign func(path string) string
}

func (c *qsClient) path(key string) string { return c.root + "/" + strings.TrimPrefix(key, "/") }

func (c *qsClient) do(method, path string, body io.Reader) (*qsReply, error) {
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
	r := new(qsReply)
	if err := json.NewDecoder(res.Body).Decode(r); err != nil {
		return nil, err
	}
	return r, nil
}

// putPart sends one part. A dropped connection or a busy server (-71)
// jumps back to the send, three times; then the part is given up "for
// the next sync" and the caller hears nothing of it.
func (c *qsClient) putPart(key, sid string, off int, p []byte) error {
	tries := 0
again:
	q := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d", url.QueryEscape(sid), off)
	r, err := c.do(http.MethodPost, c.path(key)+"?"+q, strings.NewReader(string(p)))
	if err != nil || r.Code == catalog.ErrorProxyFreqControl {
		tries++
		if tries < 3 {
			time.Sleep(time.Duration(tries) * time.Second)
			goto again
		}
		log.Printf("%s at %d: giving up: %v", key, off, err)
		return nil // want "upload failure reported as success"
	}
	if r.Code != 0 {
		return fmt.Errorf("%s at %d: %s", key, off, r.Message)
	}
	return nil
}

// Silent: the same goto retry, which gives up with an error.
func (c *qsClient) putPartChecked(key, sid string, off int, p []byte) error {
	tries := 0
again:
	q := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d", url.QueryEscape(sid), off)
	r, err := c.do(http.MethodPost, c.path(key)+"?"+q, strings.NewReader(string(p)))
	if err != nil || r.Code == catalog.ErrorProxyFreqControl {
		tries++
		if tries < 3 {
			time.Sleep(time.Duration(tries) * time.Second)
			goto again
		}
		if err != nil {
			return fmt.Errorf("%s at %d: %w", key, off, err)
		}
		return fmt.Errorf("%s at %d: %s", key, off, r.Message)
	}
	if r.Code != 0 {
		return fmt.Errorf("%s at %d: %s", key, off, r.Message)
	}
	return nil
}

// Silent: -71 is retried without a budget until the server takes the
// part: the only path to return nil goes through a code 0 (the retry
// resends the same part, which gets a new answer).
func (c *qsClient) putPartPatient(key, sid string, off int, p []byte) error {
	wait := 500 * time.Millisecond
	for {
		q := fmt.Sprintf("op=upload_slice_data&session=%s&offset=%d", url.QueryEscape(sid), off)
		r, err := c.do(http.MethodPost, c.path(key)+"?"+q, strings.NewReader(string(p)))
		if err != nil {
			return err
		}
		if r.Code == catalog.ErrorProxyFreqControl {
			time.Sleep(wait)
			wait = min(2*wait, 30*time.Second)
			continue
		}
		if r.Code != 0 {
			return fmt.Errorf("%s at %d: %s", key, off, r.Message)
		}
		return nil
	}
}

// Silent: a refused upload_slice_list is answered by a new
// upload_slice_init (a restart): the failure does not reach the nil at
// the end, which belongs to the finish of the new session.
func (c *qsClient) resumeOrRestart(key string, data []byte, chunk int) error {
	var sid string
	done := 0
	lst, err := c.do(http.MethodPost, c.path(key)+"?op=upload_slice_list", nil)
	if err == nil && lst.Code == 0 {
		sid = lst.Data.Session
		for _, p := range lst.Data.ListParts {
			done = max(done, p.Offset+p.DataLen)
		}
	} else {
		v := url.Values{"op": {"upload_slice_init"}, "filesize": {fmt.Sprint(len(data))}, "slice_size": {fmt.Sprint(chunk)}}
		init, err := c.do(http.MethodPost, c.path(key)+"?"+v.Encode(), nil)
		if err != nil {
			return err
		}
		if init.Code != 0 {
			return fmt.Errorf("init %s: %s", key, init.Message)
		}
		sid = init.Data.Session
	}
	for off := done; off < len(data); off += chunk {
		if err := c.putPartChecked(key, sid, off, data[off:min(off+chunk, len(data))]); err != nil {
			return err
		}
	}
	fin, err := c.do(http.MethodPost, c.path(key)+"?op=upload_slice_finish&session="+url.QueryEscape(sid), nil)
	if err != nil {
		return err
	}
	if fin.Code != 0 {
		return fmt.Errorf("finish %s: %s", key, fin.Message)
	}
	return nil
}
