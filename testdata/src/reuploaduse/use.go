// Package reuploaduse retries slices on the word of reuploadcos's retry
// classifiers, which answer yes for session codes: the retries are
// reported here, where they happen.
package reuploaduse

import (
	"errors"
	"slices"
	"time"

	cos "reuploadcos"
)

func byClassifier(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if cos.IsRetryable(resp.Code) { // want `^reuploadcos\.IsRetryable answers yes for reupload code -4019 \(catalog\.ErrOffsetToZero: storing failed, upload again\), so this retry resends in a broken upload session: handle it first and start a new upload with upload_slice_init or resume via upload_slice_list$`
			time.Sleep(time.Second)
			continue
		}
		offset += 1 << 20
	}
	return nil
}

func bySet(c *cos.Client, session string, offset int64, data []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		if resp.Code == 0 {
			return nil
		}
		if slices.Contains(cos.RetryCodes, resp.Code) { // want `^reuploadcos\.RetryCodes answers yes for reupload code -4026 `
			continue
		}
		return errors.New("failed")
	}
	return nil
}

func byErrorMethod(c *cos.Client, session string, offset int64, data []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := sendErr(c, session, offset, data)
		var e *cos.Error
		if errors.As(err, &e) && e.Temporary() { // want `^\(\*reuploadcos\.Error\)\.Temporary answers yes for reupload code -4027 `
			time.Sleep(time.Second)
			continue
		}
		return err
	}
	return nil
}

func sendErr(c *cos.Client, session string, offset int64, data []byte) error {
	resp, err := c.SendSlice(session, offset, data)
	if err != nil {
		return err
	}
	if resp.Code != 0 {
		return &cos.Error{Code: resp.Code, Message: resp.Message}
	}
	return nil
}

// Silent: the session code is taken out before the classifier decides.
func sessionCodeFirst(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4019 {
			return errors.New("session broken: start over")
		}
		if cos.IsRetryable(resp.Code) {
			time.Sleep(time.Second)
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// Silent: a classifier used outside a loop.
func classify(code int) string {
	if cos.IsRetryable(code) {
		return "retry"
	}
	return "fail"
}

// Silent: a stat retried on the classifier's word is no upload.
func statRetry(c *cos.Client, path string) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Stat(path)
		if err != nil {
			return err
		}
		if cos.IsRetryable(resp.Code) {
			continue
		}
		return nil
	}
	return nil
}

// A success test of the client's package, negated: every failure goes
// round again.
func notOK(c *cos.Client, session string, offset int64, data []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		if !resp.OK() { // want `^slice resent in the same upload session on every failure code`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("out of attempts")
}
