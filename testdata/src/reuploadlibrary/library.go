// Package reuploadlibrary retries slices through retry libraries: the
// function a library calls again is a retry loop whose continue is the
// return of an error.
package reuploadlibrary

import (
	"errors"
	"fmt"

	"reuploadlibs/backoff"
	"reuploadlibs/retry"

	cos "reuploadcos"
)

var errSession = errors.New("upload session broken")

func blanket(c *cos.Client, b backoff.BackOff, session string, offset int64, data []byte) error {
	return backoff.Retry(func() error {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		if resp.Code != 0 { // want `^slice resent in the same upload session on every failure code`
			return fmt.Errorf("code %d: %s", resp.Code, resp.Message)
		}
		return nil
	}, b)
}

func named(c *cos.Client, session string, offset int64, data []byte) error {
	return retry.Do(func() error {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		switch resp.Code {
		case 0:
			return nil
		case -4019, -71: // want `^reupload code -4019 .*handled as a plain retry`
			return fmt.Errorf("code %d, again", resp.Code)
		}
		return retry.Unrecoverable(fmt.Errorf("code %d", resp.Code))
	})
}

// Silent: the session codes are marked permanent.
func permanent(c *cos.Client, b backoff.BackOff, session string, offset int64, data []byte) error {
	return backoff.Retry(func() error {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		if resp.Code == -4019 || resp.Code == -4026 || resp.Code == -4027 {
			return backoff.Permanent(errSession)
		}
		if resp.Code != 0 {
			return fmt.Errorf("code %d", resp.Code)
		}
		return nil
	}, b)
}

// Silent: every attempt is a whole new upload.
func wholeUpload(c *cos.Client, b backoff.BackOff, path string, data []byte) error {
	return backoff.Retry(func() error {
		resp, err := c.UploadFile(path, data)
		if err != nil {
			return err
		}
		if resp.Code != 0 {
			return fmt.Errorf("code %d", resp.Code)
		}
		return nil
	}, b)
}
