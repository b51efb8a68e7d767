package swallowedfailure

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// This file was written after the check, for the loops that resend a
// failed slice in place: the slice loop is itself the retry loop, and
// after a failure it goes round with the same offset, so its condition
// still holds and the return after the loop is reached only once every
// slice went through. The reply is an envelope with a code, sent by a
// helper that knows no operation.

var errGaveUp = errors.New("cos: giving up on a slice")

type ipReply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type ipClient struct {
	hc   *http.Client
	post func(hc *http.Client, form url.Values) (*ipReply, error)
}

func (c *ipClient) slice(session string, offset int, part []byte) (*ipReply, error) {
	return c.post(c.hc, url.Values{
		"op":          {"upload_slice_data"},
		"session":     {session},
		"offset":      {strconv.Itoa(offset)},
		"filecontent": {string(part)},
	})
}

// Silent for this check: a refused slice is waited for and sent again
// (the counter is bounded and the give-up returns the failure); the loop
// ends only when offset reaches the end, which a failure does not move.
// (The resend in the same session is the reupload-retry check's.)
func (c *ipClient) putInPlace(session string, data []byte, chunk int) error {
	tries := 0
	for offset := 0; offset < len(data); {
		end := min(offset+chunk, len(data))
		r, err := c.slice(session, offset, data[offset:end])
		if err != nil || r.Code != 0 { // want "slice resent in the same upload session"
			if tries++; tries > 3 {
				return errGaveUp
			}
			time.Sleep(time.Second)
			continue
		}
		tries = 0
		offset = end
	}
	return nil
}

// Silent for this check: the same with an index over prepared parts,
// advanced only on success (a blanket resend in the session, which the
// reupload-retry check reports).
func (c *ipClient) putParts(session string, parts [][]byte, chunk int) error {
	for i := 0; i < len(parts); {
		r, err := c.slice(session, i*chunk, parts[i])
		if err != nil {
			return err
		}
		if r.Code != 0 { // want "slice resent in the same upload session"
			time.Sleep(time.Second)
			continue
		}
		i++
	}
	return nil
}

// A refused slice is skipped (the offset moves on before the test), and
// the loop then ends normally: success is reported with a hole.
func (c *ipClient) putSkipping(session string, data []byte, chunk int) error {
	for offset := 0; offset < len(data); {
		end := min(offset+chunk, len(data))
		r, err := c.slice(session, offset, data[offset:end])
		offset = end
		if err != nil || r.Code != 0 {
			continue
		}
	}
	return nil // want "upload failure reported as success"
}
