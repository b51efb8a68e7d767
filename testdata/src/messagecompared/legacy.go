package messagecompared

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// This file is the client of the "gateway" author: the envelope names its
// fields Ret and Msg (tags "code" and "msg"), the code is an int64, and
// the file already imports the catalog for a named code; the fixes use
// that import.

type gwReply struct {
	Ret  int64           `json:"code"`
	Msg  string          `json:"msg"`
	Data json.RawMessage `json:"data"`
}

type gateway struct {
	base string // https://gz.file.myqcloud.com/files/v2/<appid>
	hc   *http.Client
	sign func() string
}

var (
	errExpired = errors.New("cos: signature expired")
	errExists  = errors.New("cos: exists")
)

func (g *gateway) get(path string) (*gwReply, error) {
	req, err := http.NewRequest(http.MethodGet, g.base+"/"+strings.TrimPrefix(path, "/"), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", g.sign())
	res, err := g.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	r := new(gwReply)
	if err := json.NewDecoder(res.Body).Decode(r); err != nil {
		return nil, err
	}
	return r, nil
}

// classify turns a failed reply into one of the package's errors.
func classify(r *gwReply) error {
	if r.Ret == catalog.ErrorProxyAuthFailed {
		return errExpired
	}
	if strings.HasPrefix(r.Msg, "签名过期") { // want "message compared instead of code"
		return errExpired
	}
	if strings.EqualFold(r.Msg, "Bucket已存在") { // want "message compared instead of code"
		return errExists
	}
	switch r.Msg {
	case "文件已存在": // want "message compared instead of code"
		return errExists
	case "相同文件已上传过": // want "message compared instead of code"
		return nil
	}
	return errors.New(r.Msg)
}

// CreateBucket creates a bucket; one that exists is fine.
func (g *gateway) CreateBucket(name string) error {
	r, err := g.get("/" + name + "/?op=create")
	if err != nil {
		return err
	}
	if r.Ret == 0 {
		return nil
	}
	if err := classify(r); !errors.Is(err, errExists) {
		return err
	}
	return nil
}
