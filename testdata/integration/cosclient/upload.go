package cosclient

import (
	"log"
	"net/http"
	"net/url"
	"strconv"
)

// sendSlice sends one slice of an open upload session.
func sendSlice(c *http.Client, path, session string, offset int64, data []byte) (*Response, error) {
	return Do(c, path, url.Values{
		"op":          {"upload_slice_data"},
		"session":     {session},
		"offset":      {strconv.FormatInt(offset, 10)},
		"filecontent": {string(data)},
	})
}

// finishUpload closes an upload session.
func finishUpload(c *http.Client, path, session string) (*Response, error) {
	return Do(c, path, url.Values{"op": {"upload_slice_finish"}, "session": {session}})
}

// UploadSlices sends every slice; a refused slice is sent again, up to
// three times, into the same session.
func UploadSlices(c *http.Client, path, session string, data []byte, size int) error {
	for offset := 0; offset < len(data); offset += size {
		part := data[offset:min(offset+size, len(data))]
		for tries := 0; ; tries++ {
			r, err := sendSlice(c, path, session, int64(offset), part)
			if err != nil {
				return err
			}
			err = Check(r)
			if err != nil && tries < 3 { // want `^slice resent in the same upload session`
				continue
			}
			if err != nil {
				return err
			}
			break
		}
	}
	return Finish(c, path, session)
}

// UploadBlind sends the slices one after another and never reads their
// answers.
func UploadBlind(c *http.Client, path, session string, data []byte, size int) error {
	for offset := 0; offset < len(data); offset += size {
		sendSlice(c, path, session, int64(offset), data[offset:min(offset+size, len(data))]) // want `^slice sent without testing its reply`
	}
	return Finish(c, path, session)
}

// Finish closes the session; a refused finish is only logged.
func Finish(c *http.Client, path, session string) error {
	r, err := finishUpload(c, path, session)
	if err != nil {
		return err
	}
	if err := Check(r); err != nil {
		log.Printf("cos: finish %s: %v", path, err)
		return nil // want `^upload failure reported as success`
	}
	return nil
}

// Exists reports whether the server says it has the file already.
func Exists(r *Response) bool {
	return r.Message == "文件已存在" // want `^message compared instead of code`
}
