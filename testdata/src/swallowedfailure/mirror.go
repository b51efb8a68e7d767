package swallowedfailure

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// This file is the client of the "mirror" author: a sync tool whose
// steps answer with a bool (did it get there), requests as url.Values
// posted as a form, an int64 code in an embedded envelope.

type baseResp struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
}

type mirrorResp struct {
	baseResp
	Data struct {
		Session   string `json:"session"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

type mirror struct {
	endpoint string // https://tj.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc       *http.Client
	chunk    int
}

func (m *mirror) send(ctx context.Context, key string, v url.Values) (*mirrorResp, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.endpoint+"/"+key, strings.NewReader(v.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := m.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	r := new(mirrorResp)
	if err := json.NewDecoder(res.Body).Decode(r); err != nil {
		return nil, err
	}
	return r, nil
}

func (m *mirror) begin(ctx context.Context, key string, size int) (string, bool) {
	r, err := m.send(ctx, key, url.Values{"op": {"upload_slice_init"}, "filesize": {strconv.Itoa(size)}})
	if err != nil {
		log.Printf("mirror: init %s: %v", key, err)
		return "", false
	}
	if r.Code != 0 {
		log.Printf("mirror: init %s: %s", key, r.Message)
		return "", false
	}
	return r.Data.Session, true
}

func (m *mirror) slice(ctx context.Context, key, sid string, off int, p []byte) (*mirrorResp, error) {
	return m.send(ctx, key, url.Values{
		"op":          {"upload_slice_data"},
		"session":     {sid},
		"offset":      {strconv.Itoa(off)},
		"filecontent": {string(p)},
	})
}

func (m *mirror) end(ctx context.Context, key, sid string, size int) bool {
	r, err := m.send(ctx, key, url.Values{"op": {"upload_slice_finish"}, "session": {sid}, "filesize": {strconv.Itoa(size)}})
	if err != nil {
		log.Printf("mirror: finish %s: %v", key, err)
		return false
	}
	if r.Code != 0 {
		log.Printf("mirror: finish %s: %s", key, r.Message)
		return false
	}
	return true
}

// syncOne uploads one file and says whether it got there. A refused
// slice breaks out of the loop, and the function goes on to finish and
// answers true.
func (m *mirror) syncOne(ctx context.Context, key string, data []byte) bool {
	sid, ok := m.begin(ctx, key, len(data))
	if !ok {
		return false
	}
	for off := 0; off < len(data); off += m.chunk {
		end := min(off+m.chunk, len(data))
		r, err := m.slice(ctx, key, sid, off, data[off:end])
		if err != nil {
			log.Printf("mirror: %s at %d: %v", key, off, err)
			return false
		}
		if r.Code != 0 {
			log.Printf("mirror: %s at %d: %s", key, off, r.Message)
			break
		}
	}
	if !m.end(ctx, key, sid, len(data)) {
		return false
	}
	return true // want "upload failure reported as success"
}

// Silent: the refused slice sets ok to false, and the answer is ok, not
// the literal true.
func (m *mirror) syncOneFlag(ctx context.Context, key string, data []byte) bool {
	sid, ok := m.begin(ctx, key, len(data))
	if !ok {
		return false
	}
	for off := 0; off < len(data) && ok; off += m.chunk {
		end := min(off+m.chunk, len(data))
		r, err := m.slice(ctx, key, sid, off, data[off:end])
		if err != nil || r.Code != 0 {
			log.Printf("mirror: %s at %d: %v %v", key, off, err, r)
			ok = false
		}
	}
	return ok && m.end(ctx, key, sid, len(data))
}

// Silent: a function with neither an error nor a bool result; it logs
// what failed, and that is all its caller asked for.
func (m *mirror) syncAll(ctx context.Context, files map[string][]byte) {
	for key, data := range files {
		sid, ok := m.begin(ctx, key, len(data))
		if !ok {
			continue
		}
		for off := 0; off < len(data); off += m.chunk {
			r, err := m.slice(ctx, key, sid, off, data[off:min(off+m.chunk, len(data))])
			if err != nil || r.Code != 0 {
				log.Printf("mirror: %s at %d: %v %v", key, off, err, r)
				break
			}
		}
		m.end(ctx, key, sid, len(data))
	}
}
