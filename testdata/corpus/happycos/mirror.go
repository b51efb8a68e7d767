package happycos

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// codeNoAnswer is what call puts in the code when the request got no
// answer it could read: the client's own code, never the server's.
const codeNoAnswer = -2

// sliceReply is the answer to op=upload_slice as Mirror reads it.
type sliceReply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Session   string `json:"session"`
		SliceSize int64  `json:"slice_size"`
		Offset    int64  `json:"offset"`
		AccessURL string `json:"access_url"`
		URL       string `json:"url"`
	} `json:"data"`
}

// Mirror copies build artifacts into a bucket. It predates
// Client.UploadSlice and posts its forms itself, as the registry backend
// it came from did.
type Mirror struct {
	C      *Client
	Bucket string
	Prefix string

	mu     sync.Mutex
	Done   map[string]string // local path → access URL
	Failed map[string]string // local path → why; the scheduler retries these on its next run
}

// call posts one multipart form and reads the answer. A failure on the way
// comes back as an answer with codeNoAnswer.
func (m *Mirror) call(uri string, fields map[string]string, content []byte) sliceReply {
	body := &bytes.Buffer{}
	w := multipart.NewWriter(body)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if content != nil {
		fw, _ := w.CreateFormField("filecontent")
		_, _ = fw.Write(content)
	}
	_ = w.Close()
	q := sliceReply{Code: codeNoAnswer}
	req, err := http.NewRequest(http.MethodPost, uri, body)
	if err != nil {
		q.Message = err.Error()
		return q
	}
	req.Header.Set("Authorization", m.C.sign(m.Bucket, ""))
	req.Header.Set("Content-Type", w.FormDataContentType())
	rsp, err := http.DefaultClient.Do(req)
	if err != nil {
		q.Message = err.Error()
		return q
	}
	defer rsp.Body.Close()
	out, err := io.ReadAll(rsp.Body)
	if err != nil {
		q.Message = err.Error()
		return q
	}
	if err := json.Unmarshal(out, &q); err != nil {
		q.Code, q.Message = codeNoAnswer, "undecodable answer: "+err.Error()
	}
	return q
}

func (m *Mirror) uri(local string) string {
	return m.C.resourceURL(m.Bucket, validFilePath(m.Prefix+"/"+filepath.Base(local)))
}

// open is the first op=upload_slice call for a file of size bytes.
func (m *Mirror) open(uri, sha string, size int64) sliceReply {
	fields := map[string]string{
		"op":         "upload_slice",
		"filesize":   strconv.FormatInt(size, 10),
		"sha":        sha,
		"slice_size": strconv.Itoa(1 << 20),
	}
	first := m.call(uri, fields, nil)
	for tries := 0; first.Message == "操作太频繁，请稍后再试" && tries < 3; tries++ { // expect: message-compared
		time.Sleep(time.Second)
		first = m.call(uri, fields, nil)
	}
	return first
}

// Put uploads one artifact and returns its address.
func (m *Mirror) Put(local string) (string, error) {
	sha, size, err := hashFile(local)
	if err != nil {
		return "", err
	}
	f, err := os.Open(local)
	if err != nil {
		return "", err
	}
	defer f.Close()
	uri := m.uri(local)
	first := m.open(uri, sha, size)
	if first.Code != 0 {
		return "", fmt.Errorf("mirror: open %s: %s (%d)", local, first.Message, first.Code)
	}
	if first.Data.URL != "" { // the server has it already
		return first.Data.URL, nil
	}
	url := m.push(uri, f, size, first.Data.Session, first.Data.SliceSize)
	if url == "" {
		return "", fmt.Errorf("mirror: %s: no address after the last slice", local)
	}
	return url, nil
}

// push sends the slices of f into session and returns the address the
// last answer carries. Like the old backend, it takes the session back
// from every answer.
func (m *Mirror) push(uri string, f *os.File, size int64, session string, sliceSize int64) string {
	var url string
	buf := make([]byte, sliceSize)
	for offset := int64(0); offset < size; offset += sliceSize {
		n, _ := f.ReadAt(buf, offset)
		q := m.call(uri, map[string]string{"op": "upload_slice", "session": session, "offset": strconv.FormatInt(offset, 10)}, buf[:n]) // expect: unchecked-slice
		session = q.Data.Session
		url = q.Data.AccessURL
	}
	return url
}

// PutAll uploads every file, each a whole upload of its own. A file that
// fails is kept in m.Failed for the scheduler; the others go on.
func (m *Mirror) PutAll(files []string) error {
	if m.Done == nil || m.Failed == nil {
		return fmt.Errorf("mirror: not initialised")
	}
	for _, local := range files {
		url, err := m.Put(local)
		m.mu.Lock()
		if err != nil {
			m.Failed[local] = err.Error()
		} else {
			m.Done[local] = url
		}
		m.mu.Unlock()
	}
	return nil
}

// Refresh sends data again under the name of local, whose copy in the
// bucket is stale. It tells the scheduler whether the copy is fresh now.
func (m *Mirror) Refresh(local string, data []byte) bool {
	uri := m.uri(local)
	first := m.open(uri, fmt.Sprintf("%x", sha1.Sum(data)), int64(len(data)))
	if first.Code != 0 {
		log.Printf("mirror: refresh %s: %s (%d)", local, first.Message, first.Code)
		return false
	}
	if first.Data.URL != "" {
		return true
	}
	for off := int64(0); off < int64(len(data)); off += first.Data.SliceSize {
		end := min(off+first.Data.SliceSize, int64(len(data)))
		q := m.call(uri, map[string]string{"op": "upload_slice", "session": first.Data.Session, "offset": strconv.FormatInt(off, 10)}, data[off:end])
		if q.Code != 0 {
			log.Printf("mirror: refresh %s: slice at %d: %s", local, off, q.Message)
			break
		}
	}
	return true // expect: swallowed-failure
}
