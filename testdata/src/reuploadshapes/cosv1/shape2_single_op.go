package cosv1

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Shape 2, files/v1: one op string for every step. The call with filesize
// and sha opens the session; the calls with session, offset and
// filecontent send slices. A retry loop around the second kind resends a
// slice; around the first kind it only opens a session again.

// PutSliced: a retry loop around the slice call, on any failure.
func (c *cosConn) PutSliced(file io.ReadSeeker, bucket, path string) (*connResponse, error) { // want PutSliced:"sends upload_slice_init,upload_slice_data"
	h := sha1.New()
	size, err := io.Copy(h, file)
	if err != nil {
		return nil, err
	}
	ret, err := c.slicePrepare(bucket, path, size, fmt.Sprintf("%x", h.Sum(nil)))
	if err != nil {
		return nil, err
	}
	if ret.Code != 0 {
		return ret, fmt.Errorf("upload_slice: %s", ret.Message)
	}
	if _, done := ret.Data["url"]; done { // 秒传: the server has it
		return ret, nil
	}
	session, _ := ret.Data["session"].(string)
	sliceSize := int64(512 << 10)
	if v, ok := ret.Data["slice_size"].(float64); ok {
		sliceSize = int64(v)
	}
	var offset int64
	if v, ok := ret.Data["offset"].(float64); ok {
		offset = int64(v)
	}
	chunk := make([]byte, sliceSize)
	for offset < size {
		if _, err := file.Seek(offset, io.SeekStart); err != nil {
			return nil, err
		}
		n, err := io.ReadFull(file, chunk)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		for attempt := 0; attempt < 3; attempt++ {
			ret, err = c.sliceData(chunk[:n], bucket, path, session, offset)
			if err == nil && ret.Code == 0 { // want "slice resent in the same upload session on every failure code"
				break
			}
		}
		if err != nil {
			return nil, err
		}
		if ret.Code != 0 {
			return ret, fmt.Errorf("slice at %d: %s", offset, ret.Message)
		}
		offset += int64(n)
	}
	return ret, nil
}

// Silent: only the first upload_slice call is retried, the one with
// filesize and sha and no session: it opens a session and sends no slice.
func (c *cosConn) openRetried(bucket, path string, size int64, sha string) (*connResponse, error) {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		ret, err := c.slicePrepare(bucket, path, size, sha)
		if err == nil && ret.Code == 0 {
			return ret, nil
		}
		if err != nil {
			last = err
		} else {
			last = errors.New(ret.Message)
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return nil, last
}

// UploadSlice: the same helper sends the opening call and every slice; the
// error of a slice is the server's answer when its code is not 0, so
// err == nil is the success test.
func (f remote) UploadSlice(local string, sliceSize int, session string) (*partResult, string, error) { // want UploadSlice:"sends upload_slice_data"
	file, err := os.Open(local)
	if err != nil {
		return nil, "", err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, "", err
	}
	size := st.Size()
	h := sha1.New()
	if _, err := io.Copy(h, file); err != nil {
		return nil, "", err
	}
	body := newParams("upload_slice").
		Set("slice_size", strconv.Itoa(sliceSize)).
		Set("session", session).
		Set("sha", strings.ToUpper(hex.EncodeToString(h.Sum(nil)))).
		Set("filesize", strconv.FormatInt(size, 10))
	first := new(firstPart)
	if err := f.upload(nil, body, first); err != nil {
		return nil, "", err
	}
	if first.URL != "" {
		return &first.partResult, "", nil
	}
	if first.Session != "" {
		session = first.Session
	}
	body = newParams("upload_slice").Set("session", session)
	offset := first.Offset
	if _, err := file.Seek(offset, io.SeekStart); err != nil {
		return nil, session, err
	}
	if first.SliceSize > 0 {
		sliceSize = first.SliceSize
	}
	b := make([]byte, sliceSize)
	for size > offset {
		n, rerr := file.Read(b)
		if rerr != nil && rerr != io.EOF {
			return nil, session, rerr
		}
		if n == 0 {
			break
		}
		part := new(partResult)
		for left := 5; left > 0; left-- {
			err = f.upload(b[:n], body.Set("sha", sha1hex(b[:n])).Set("offset", strconv.FormatInt(offset, 10)), part)
			if err == nil { // want "slice resent in the same upload session on every failure code"
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		if err != nil {
			return nil, session, err
		}
		if part.URL != "" {
			return part, "", nil
		}
		offset += int64(n)
	}
	return nil, session, io.ErrUnexpectedEOF
}

// Silent: the only code this loop sends a slice again for is -1, the
// client's own sentinel set by do when the answer said 0 but had no data
// field; every code of the server ends the loop.
func (f remote) sendSliceNoData(session string, offset int64, p []byte) (*partResult, error) {
	part := new(partResult)
	for i := 0; i < 3; i++ {
		err := f.upload(p, newParams("upload_slice").Set("session", session).Set("offset", strconv.FormatInt(offset, 10)), part)
		var r *reply
		if errors.As(err, &r) && r.Code == -1 && r.Message == "no data" {
			continue
		}
		return part, err
	}
	return part, errors.New("no data in three answers")
}
