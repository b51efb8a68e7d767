package cosv1

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Shape 1, files/v1: the slice loop is itself the retry loop, and the
// retry budget is an if, not a loop. A failure code continues the slice
// loop before the offset moves: the same slice goes out again, in the
// same session.

func (b *bucket) uploadData(size int64, sliceSize int, path, src string, offset int64, session string) (*sliceResponse, error) {
	resp := &sliceResponse{}
	var tries uint
	for size > offset {
		if offset+int64(sliceSize) > size {
			sliceSize = int(size - offset)
		}
		chunk, err := readSection(src, offset, sliceSize)
		if err != nil {
			return nil, err
		}
		fields := map[string]string{
			"op":      "upload_slice",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}
		body, hdr, err := multipartBody(fields, chunk)
		if err != nil {
			return nil, err
		}
		if tries < b.Config.RetryTimes {
			tries++
			raw, err := b.do(http.MethodPost, path, hdr, body)
			if err != nil {
				continue // no answer: the network, worth another try
			}
			if err := json.Unmarshal(raw, resp); err != nil {
				continue
			}
			if resp.Code != 0 { // want "slice resent in the same upload session on every failure code"
				continue
			}
			tries = 0
		}
		if tries != 0 {
			return nil, fmt.Errorf("upload_slice at %d: %s", offset, resp.Message)
		}
		offset += int64(sliceSize)
	}
	return resp, nil
}

// Silent: the offset moves past the slice before its code is looked at, so
// the continue goes on to the next slice. The failed slice is lost (a bug
// of another kind), but nothing is sent twice.
func (b *bucket) uploadDataSkipping(size int64, sliceSize int, path, src string, offset int64, session string) error {
	var failures uint
	for size > offset {
		chunk, err := readSection(src, offset, sliceSize)
		if err != nil {
			return err
		}
		fields := map[string]string{
			"op":      "upload_slice",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}
		body, hdr, err := multipartBody(fields, chunk)
		if err != nil {
			return err
		}
		raw, err := b.do(http.MethodPost, path, hdr, body)
		offset += int64(len(chunk))
		if err != nil {
			return err
		}
		resp := &sliceResponse{}
		if err := json.Unmarshal(raw, resp); err != nil {
			return err
		}
		if resp.Code != 0 {
			failures++
			if failures > b.Config.RetryTimes {
				return fmt.Errorf("too many failed slices: %s", resp.Message)
			}
			continue
		}
	}
	return nil
}

// Silent: a failure code drops the session; the top of the loop sees it
// empty and makes the first upload_slice call again (file size and SHA),
// which hands out the session and the offset to go on from.
func (b *bucket) uploadDataReopen(size int64, sliceSize int, path, src, sha string) (*sliceResponse, error) {
	resp := &sliceResponse{}
	var tries, reopened uint
	var offset int64
	session := ""
	for size > offset {
		if session == "" {
			if reopened > b.Config.RetryTimes {
				return nil, fmt.Errorf("upload of %s keeps failing: %s", path, resp.Message)
			}
			reopened++
			first, err := b.prepare(path, size, sha, sliceSize)
			if err != nil {
				return nil, err
			}
			if first.Code != 0 {
				return nil, fmt.Errorf("%s", first.Message)
			}
			if first.Data.URL != "" {
				return first, nil
			}
			session, offset = first.Data.Session, first.Data.Offset
		}
		chunk, err := readSection(src, offset, sliceSize)
		if err != nil {
			return nil, err
		}
		fields := map[string]string{
			"op":      "upload_slice",
			"session": session,
			"offset":  strconv.FormatInt(offset, 10),
		}
		body, hdr, err := multipartBody(fields, chunk)
		if err != nil {
			return nil, err
		}
		if tries < b.Config.RetryTimes {
			tries++
			raw, err := b.do(http.MethodPost, path, hdr, body)
			if err != nil {
				continue
			}
			if err := json.Unmarshal(raw, resp); err != nil {
				continue
			}
			if resp.Code != 0 {
				session = ""
				continue
			}
			tries = 0
		}
		if tries != 0 {
			return nil, fmt.Errorf("upload_slice at %d: no answer", offset)
		}
		offset += int64(len(chunk))
	}
	return resp, nil
}
