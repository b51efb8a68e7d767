package qcos

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"time"
)

// UploadResponse is the answer to op=upload and op=upload_slice_finish.
type UploadResponse struct {
	Response
	Data struct {
		AccessURL    string `json:"access_url"`
		URL          string `json:"url"`
		ResourcePath string `json:"resource_path"`
		SourceURL    string `json:"source_url"`
	} `json:"data"`
}

// SliceResponse is the answer to op=upload_slice_init and upload_slice_data.
type SliceResponse struct {
	Response
	Data struct {
		Session   string `json:"session"`
		Offset    int64  `json:"offset"`
		SliceSize int64  `json:"slice_size"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

// SliceListResponse is the answer to op=upload_slice_list.
type SliceListResponse struct {
	Response
	Data struct {
		Session   string `json:"session"`
		SliceSize int64  `json:"slice_size"`
		FileSize  int64  `json:"filesize"`
		ListParts []struct {
			Offset  int64 `json:"offset"`
			Datalen int64 `json:"datalen"`
		} `json:"listparts"`
	} `json:"data"`
}

// SliceThreshold is the size from which UploadFile sends slices.
const SliceThreshold = 20 << 20

// Upload sends a small file in one request and returns its access URL.
func (c *Client) Upload(bucket, path string, content []byte) (string, error) {
	sum := sha1.Sum(content)
	var res UploadResponse
	fields := map[string]string{"op": "upload", "sha": hex.EncodeToString(sum[:]), "insertOnly": "1"}
	if err := c.postForm(bucket, path, c.sign(bucket, ""), fields, content, &res); err != nil {
		return "", err
	}
	if res.Code == -4018 { // 相同文件已上传过 // expect: magic-code
		return res.Data.AccessURL, nil
	}
	if -177 == res.Code { // expect: magic-code
		return "", fmt.Errorf("qcos: %s already exists", path)
	}
	if res.Code != 0 {
		return "", fmt.Errorf("qcos: upload %s: %s (%d)", path, res.Message, res.Code)
	}
	return res.Data.AccessURL, nil
}

// UploadFile uploads a local file, in slices when it is large.
func (c *Client) UploadFile(bucket, path, local string) (string, error) {
	f, err := os.Open(local)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	if st.Size() < SliceThreshold {
		b, err := io.ReadAll(f)
		if err != nil {
			return "", err
		}
		return c.Upload(bucket, path, b)
	}
	res, err := c.UploadSlice(bucket, path, f, st.Size())
	if err != nil {
		return "", err
	}
	return res.Data.AccessURL, nil
}

func (c *Client) sliceInit(bucket, path string, size, sliceSize int64) (*SliceResponse, error) {
	var res SliceResponse
	fields := map[string]string{
		"op":         "upload_slice_init",
		"filesize":   strconv.FormatInt(size, 10),
		"slice_size": strconv.FormatInt(sliceSize, 10),
		"insertOnly": "0",
	}
	if err := c.postForm(bucket, path, c.sign(bucket, ""), fields, nil, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

func (c *Client) sliceData(bucket, path, session string, offset int64, data []byte) (*SliceResponse, error) {
	var res SliceResponse
	fields := map[string]string{
		"op":      "upload_slice_data",
		"session": session,
		"offset":  strconv.FormatInt(offset, 10),
	}
	if err := c.postForm(bucket, path, c.sign(bucket, ""), fields, data, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

func (c *Client) sliceFinish(bucket, path, session string, size int64) (*UploadResponse, error) {
	var res UploadResponse
	fields := map[string]string{
		"op":       "upload_slice_finish",
		"session":  session,
		"filesize": strconv.FormatInt(size, 10),
	}
	if err := c.postForm(bucket, path, c.sign(bucket, ""), fields, nil, &res); err != nil {
		return nil, err
	}
	if res.Code != 0 {
		return nil, fmt.Errorf("qcos: finish %s: %s (%d)", path, res.Message, res.Code)
	}
	return &res, nil
}

func (c *Client) sliceList(bucket, path string) (*SliceListResponse, error) {
	var res SliceListResponse
	fields := map[string]string{"op": "upload_slice_list"}
	if err := c.postForm(bucket, path, c.sign(bucket, ""), fields, nil, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// UploadSlice sends f slice by slice. A slice that fails is sent again,
// up to SliceRetries times.
func (c *Client) UploadSlice(bucket, path string, f io.ReaderAt, size int64) (*UploadResponse, error) {
	init, err := c.sliceInit(bucket, path, size, 1<<20)
	if err != nil {
		return nil, err
	}
	switch init.Code {
	case 0:
	case -4018: // 秒传: the same file is already there // expect: magic-code
		done := &UploadResponse{Response: init.Response}
		done.Data.AccessURL = init.Data.AccessURL
		return done, nil
	case -4091: // 有未完成的上传: resume it // expect: unknown-code
		return c.resume(bucket, path, f, size)
	default:
		return nil, fmt.Errorf("qcos: init %s: %s (%d)", path, init.Message, init.Code)
	}
	if init.Data.AccessURL != "" {
		done := &UploadResponse{Response: init.Response}
		done.Data.AccessURL = init.Data.AccessURL
		return done, nil
	}
	session := init.Data.Session
	sliceSize := init.Data.SliceSize
	buf := make([]byte, sliceSize)
	var offset int64
	retries := 0
	for offset < size {
		n, err := f.ReadAt(buf, offset)
		if err != nil && err != io.EOF {
			return nil, err
		}
		res, err := c.sliceData(bucket, path, session, offset, buf[:n])
		if err != nil {
			return nil, err
		}
		if res.Code != 0 { // expect: reupload-retry
			retries++
			if retries > c.SliceRetries {
				return nil, fmt.Errorf("qcos: slice at %d of %s: %s (%d)", offset, path, res.Message, res.Code)
			}
			continue
		}
		retries = 0
		offset += int64(n)
	}
	return c.sliceFinish(bucket, path, session, size)
}

// resume sends the slices the server does not have yet.
func (c *Client) resume(bucket, path string, f io.ReaderAt, size int64) (*UploadResponse, error) {
	list, err := c.sliceList(bucket, path)
	if err != nil {
		return nil, err
	}
	if list.Code != 0 {
		return nil, fmt.Errorf("qcos: list slices of %s: %s (%d)", path, list.Message, list.Code)
	}
	have := map[int64]bool{}
	for _, p := range list.Data.ListParts {
		have[p.Offset] = true
	}
	var missing []int64
	for off := int64(0); off < size; off += list.Data.SliceSize {
		if !have[off] {
			missing = append(missing, off)
		}
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i] < missing[j] })
	buf := make([]byte, list.Data.SliceSize)
	for _, off := range missing {
		n, err := f.ReadAt(buf, off)
		if err != nil && err != io.EOF {
			return nil, err
		}
		res, err := c.sliceData(bucket, path, list.Data.Session, off, buf[:n])
		if err != nil {
			return nil, err
		}
		if res.Code == -4026 || res.Code == -4027 { // 请重新上传: start from scratch // expect: magic-code magic-code
			return c.restart(bucket, path, f, size)
		}
		if res.Code != 0 {
			return nil, fmt.Errorf("qcos: slice at %d of %s: %s (%d)", off, path, res.Message, res.Code)
		}
	}
	return c.sliceFinish(bucket, path, list.Data.Session, size)
}

// restart deletes the unfinished upload and starts a new one.
func (c *Client) restart(bucket, path string, f io.ReaderAt, size int64) (*UploadResponse, error) {
	if err := c.Delete(bucket, path); err != nil {
		return nil, err
	}
	time.Sleep(time.Second)
	return c.UploadSlice(bucket, path, f, size)
}
