package qcos

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// CreateFolderResponse is the answer to op=create.
type CreateFolderResponse struct {
	Response
	Data struct {
		Ctime        string `json:"ctime"`
		ResourcePath string `json:"resource_path"`
	} `json:"data"`
}

// StatResponse is the answer to op=stat, for files and folders.
type StatResponse struct {
	Response
	Data struct {
		Name      string `json:"name"`
		BizAttr   string `json:"biz_attr"`
		FileSize  int64  `json:"filesize"`
		FileLen   int64  `json:"filelen"`
		Sha       string `json:"sha"`
		Ctime     string `json:"ctime"`
		Mtime     string `json:"mtime"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

// ListResponse is the answer to op=list.
type ListResponse struct {
	Response
	Data struct {
		Context  string `json:"context"`
		ListOver bool   `json:"listover"`
		Infos    []struct {
			Name      string `json:"name"`
			FileSize  int64  `json:"filesize"`
			AccessURL string `json:"access_url"`
		} `json:"infos"`
	} `json:"data"`
}

// ErrBucketMismatch says the signature was made for another bucket.
var ErrBucketMismatch = errors.New("qcos: signature does not match the bucket")

// CreateFolder creates path (and succeeds when it already exists).
func (c *Client) CreateFolder(bucket, path string) error {
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	var res CreateFolderResponse
	err := c.postJSON(bucket, path, c.sign(bucket, ""), map[string]string{"op": "create"}, &res)
	if err != nil {
		return err
	}
	if res.Code == -178 || res.Code == -177 { // 路径冲突 / 已存在: the folder is there // expect: magic-code magic-code
		return nil
	}
	if res.Code == -61 { // expect: magic-code
		return ErrBucketMismatch
	}
	if res.Code != 0 {
		return fmt.Errorf("qcos: create %s: %s (%d)", path, res.Message, res.Code)
	}
	return nil
}

// Stat returns the attributes of a file or folder.
func (c *Client) Stat(bucket, path string) (*StatResponse, error) {
	var res StatResponse
	if err := c.get(bucket, path, url.Values{"op": {"stat"}}, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Exists reports whether path names a file or a folder.
func (c *Client) Exists(bucket, path string) (bool, error) {
	res, err := c.Stat(bucket, path)
	if err != nil {
		return false, err
	}
	switch res.Code {
	case 0:
		return true, nil
	case -197, -166, -144: // 文件不存在 / 索引不存在 // expect: magic-code magic-code magic-code
		return false, nil
	}
	return false, fmt.Errorf("qcos: stat %s: %s (%d)", path, res.Message, res.Code)
}

// Delete removes a file, or an empty folder when path ends with '/'.
// Deleting something that is not there is not an error.
func (c *Client) Delete(bucket, path string) error {
	var res Response
	err := c.postJSON(bucket, path, c.sign(bucket, c.fileID(bucket, path)), map[string]string{"op": "delete"}, &res)
	if err != nil {
		return err
	}
	if res.Code != 0 && res.Code != -197 { // expect: magic-code
		return fmt.Errorf("qcos: delete %s: %s (%d)", path, res.Message, res.Code)
	}
	return nil
}

// Walk lists a folder page by page. A path that is a file is reported as
// a single entry, like laurence6/cos-go does.
func (c *Client) Walk(bucket, path string, fn func(name string, size int64)) error {
	context := ""
	for {
		var res ListResponse
		q := url.Values{"op": {"list"}, "num": {strconv.Itoa(199)}, "context": {context}}
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			err = c.get(bucket, strings.TrimSuffix(path, "/")+"/", q, &res)
			if err == nil && res.Code == 0 {
				break
			}
			time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
		}
		if err != nil {
			return err
		}
		if res.Code == -166 { // Treat as a file // expect: magic-code
			st, err := c.Stat(bucket, path)
			if err != nil {
				return err
			}
			fn(path, st.Data.FileSize)
			return nil
		}
		if res.Code != 0 {
			return fmt.Errorf("qcos: list %s: %s", path, res.Message)
		}
		for _, info := range res.Data.Infos {
			fn(path+info.Name, info.FileSize)
		}
		if res.Data.ListOver || len(res.Data.Infos) == 0 {
			return nil
		}
		context = res.Data.Context
	}
}
