// Package cosclient is a small client of the Tencent Cloud COS v4 JSON API.
//
// It is the fixture every errcodelint delivery surface runs on (the
// standalone command, go vet -vettool, go fix -fixtool, golangci-lint and
// gopls). Each "want" comment is a finding every surface must report on
// its line, as a regular expression matched against the message;
// "want:include-zero" findings are reported only with include-zero set.
package cosclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/errcodelint/errcodelint/catalog"
)

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

// Response is the JSON answer of every v4 request.
type Response struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

// ErrRestart says the upload session is broken: start a new upload.
var ErrRestart = errors.New("cos: upload session broken, upload again")

// Do posts one request and decodes the answer.
func Do(c *http.Client, path string, form url.Values) (*Response, error) {
	resp, err := c.PostForm(endpoint+path, form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// Check turns an answer into an error.
func Check(r *Response) error {
	if r.Code == catalog.Success { // want:include-zero `^0 is catalog\.Success`
		return nil
	}
	if r.Code == catalog.ErrOffGoBack {
		return fmt.Errorf("cos: %s, send the slice again", r.Message)
	}
	return fmt.Errorf("cos: code %d: %s", r.Code, r.Message)
}
