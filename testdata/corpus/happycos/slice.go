package happycos

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// UploadSlice sends srcPath in slices of sliceSize (the server may choose
// another size). session, when not empty, is the session of an earlier
// attempt to go on with.
func (c *Client) UploadSlice(bucket, dstPath, srcPath, bizAttr, session string, sliceSize int64) (*UploadSliceResponse, error) {
	preparing, err := c.PrepareToUploadSlice(bucket, dstPath, srcPath, bizAttr, session, sliceSize)
	if err != nil {
		return nil, err
	}
	if preparing.Code != 0 {
		return nil, fmt.Errorf("%s", preparing.Message)
	}
	if len(preparing.Data.URL) != 0 { // 秒传命中
		return preparing, nil
	}

	var offset int64
	if preparing.Data.SliceSize != 0 {
		sliceSize = preparing.Data.SliceSize
	}
	if preparing.Data.Offset != 0 {
		offset = preparing.Data.Offset
	}
	if preparing.Data.Session != "" {
		session = preparing.Data.Session
	}

	srcFile, err := os.Open(srcPath)
	if err != nil {
		return nil, err
	}
	defer srcFile.Close()
	fileInfo, err := srcFile.Stat()
	if err != nil {
		return nil, err
	}
	fileSize := fileInfo.Size()
	if _, err := srcFile.Seek(offset, io.SeekStart); err != nil {
		return nil, err
	}

	for fileSize > offset {
		rawBytes := make([]byte, min(sliceSize, fileSize-offset))
		if _, err := io.ReadFull(srcFile, rawBytes); err != nil {
			return nil, err
		}

		continuing, err := c.ContinueUploadingSliceData(bucket, dstPath, rawBytes, session, offset) // expect: unchecked-slice
		if err != nil {
			return nil, err
		}

		if len(continuing.Data.URL) > 0 {
			return continuing, nil
		}
		offset += sliceSize
	}

	return preparing, nil // expect: swallowed-failure
}

// UploadLargeFile is how the sync service uploads: the answer to every
// slice is looked at before the next one goes out, and a file the
// server already has is not sent again.
func (c *Client) UploadLargeFile(bucket, dstPath, srcPath string) (*UploadSliceResponse, error) {
	prep, err := c.PrepareToUploadSlice(bucket, dstPath, srcPath, "", "", 512*1024)
	if err != nil {
		return nil, err
	}
	if prep.Code != 0 {
		if strings.Contains(prep.Message, "相同文件已上传过") { // 秒传 // expect: message-compared
			return prep, nil
		}
		return nil, fmt.Errorf("happycos: prepare %s: %s (%d)", dstPath, prep.Message, prep.Code)
	}
	if prep.Data.URL != "" {
		return prep, nil
	}
	f, err := os.Open(srcPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, prep.Data.SliceSize)
	for offset := prep.Data.Offset; offset < st.Size(); {
		n, rerr := f.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return nil, rerr
		}
		part, err := c.ContinueUploadingSliceData(bucket, dstPath, buf[:n], prep.Data.Session, offset)
		if err != nil {
			return nil, err
		}
		if part.Code != 0 {
			return part, fmt.Errorf("happycos: %s: slice at %d: %s", dstPath, offset, part.Message)
		}
		if part.Data.URL != "" {
			return part, nil
		}
		offset += int64(n)
	}
	return nil, fmt.Errorf("happycos: %s: every slice sent and still no address", dstPath)
}

// ErrNotFound is what Remove and Cover return for a missing file.
var ErrNotFound = errors.New("happycos: no such file")

// Remove deletes a file; a file that is not there is not an error.
func (c *Client) Remove(bucket, path string) error {
	res, err := c.DeleteFile(bucket, path)
	if err != nil {
		return err
	}
	if res.Code != 0 && res.Message != "查无此文件" { // expect: message-compared
		return fmt.Errorf("happycos: delete %s: %s (%d)", path, res.Message, res.Code)
	}
	return nil
}

// IsCover reports whether path was uploaded as an album cover: the
// uploader tags covers with biz_attr "封面".
func (c *Client) IsCover(bucket, path string) (bool, error) {
	st, err := c.StatFile(bucket, path)
	if err != nil {
		return false, err
	}
	if st.Code != 0 {
		return false, fmt.Errorf("happycos: stat %s: %s", path, st.Message)
	}
	return st.Data.BizAttr == "封面", nil
}
