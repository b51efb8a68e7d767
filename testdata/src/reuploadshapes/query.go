package reuploadshapes

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// This file is the client of the "query" author: requests built with
// url.Values or fmt.Sprintf by the caller, one do(method, path, body)
// that knows no operation at all.

type qsReply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		SliceSize int    `json:"slice_size"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

type qsClient struct {
	root string // https://gz.file.myqcloud.com/files/v2/<appid>/<bucket>
	hc   *http.Client
	sign func(path string) string
}

func (c *qsClient) path(key string) string { return c.root + "/" + strings.TrimPrefix(key, "/") }

// do sends method to path with body and decodes the answer.
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
