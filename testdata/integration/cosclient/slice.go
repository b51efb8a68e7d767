package cosclient

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// InitUpload opens a sliced upload session and returns its id.
func InitUpload(c *http.Client, path string, size int64) (string, error) {
	r, err := Do(c, path, url.Values{
		"op":         {"upload_slice_init"},
		"filesize":   {strconv.FormatInt(size, 10)},
		"slice_size": {"1048576"},
	})
	if err != nil {
		return "", err
	}
	if r.Code == -4019 { // want `^-4019 is catalog\.ErrOffsetToZero`
		return "", ErrRestart
	}
	if err := Check(r); err != nil {
		return "", err
	}
	var data struct {
		Session string `json:"session"`
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		return "", err
	}
	return data.Session, nil
}
