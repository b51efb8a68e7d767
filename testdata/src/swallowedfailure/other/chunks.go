package other

import (
	"bytes"
	"encoding/json"
	"log"
	"mime/multipart"
	"net/http"
	"strconv"
)

// This file uploads to a self-hosted file service ("pan") in chunks: the
// protocol looks like COS's sliced upload (a session, offsets, a
// finishing call), its codes overlap COS's, and its failures are
// swallowed. It is not COS.

const panAPI = "https://pan.example.cn/api/v3/chunked"

type panReply struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
	Data struct {
		UploadID string `json:"upload_id"`
		URL      string `json:"url"`
	} `json:"data"`
}

type Pan struct {
	Token string
	HTTP  *http.Client
	Chunk int
}

func (p *Pan) call(action string, fields map[string]string, content []byte) (*panReply, error) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	_ = w.WriteField("action", action)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		fw, err := w.CreateFormFile("chunk", "blob")
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
	req, err := http.NewRequest(http.MethodPost, panAPI, &b)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+p.Token)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := p.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	r := new(panReply)
	if err := json.NewDecoder(res.Body).Decode(r); err != nil {
		return nil, err
	}
	return r, nil
}

// Put sends data in chunks; a chunk that fails three times is skipped,
// and a refused commit is only logged.
func (p *Pan) Put(name string, data []byte) (string, error) {
	open, err := p.call("open", map[string]string{"name": name, "size": strconv.Itoa(len(data))}, nil)
	if err != nil {
		return "", nil
	}
	if open.Code != 0 {
		return "open failed: " + open.Msg, nil
	}
	id := open.Data.UploadID
	for off := 0; off < len(data); off += p.Chunk {
		end := min(off+p.Chunk, len(data))
		for try := 0; try < 3; try++ {
			r, err := p.call("chunk", map[string]string{"upload_id": id, "offset": strconv.Itoa(off)}, data[off:end])
			if err == nil && r.Code == 0 {
				break
			}
		}
	}
	done, err := p.call("commit", map[string]string{"upload_id": id}, nil)
	if err != nil {
		return "", err
	}
	if done.Code != 0 {
		log.Printf("pan: commit %s: %s (%d)", name, done.Msg, done.Code)
		return "", nil
	}
	return done.Data.URL, nil
}
