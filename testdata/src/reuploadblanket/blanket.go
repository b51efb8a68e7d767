// Package reuploadblanket resends the same slice in the same session on
// any failure, as the official v4 SDKs do.
package reuploadblanket

import (
	"errors"
	"fmt"
	"log"
	"time"

	cos "reuploadcos"
)

const maxRetry = 3

// `if resp.Code != 0 { continue }` before the offset moves on.
func continueOnFailure(c *cos.Client, session string, data []byte, limit int) error {
	retries := 0
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code != 0 { // want `^slice resent in the same upload session on every failure code, including reupload codes such as -4019 \(catalog\.ErrOffsetToZero: storing failed, upload again\): handle those first and start a new upload with upload_slice_init or resume via upload_slice_list$`
			retries++
			if retries > limit {
				return fmt.Errorf("slice at %d: %s", offset, resp.Message)
			}
			continue
		}
		retries = 0
		offset += 1 << 20
	}
	return nil
}

// A retry counter around the slice: everything but success goes round
// again.
func retryCounter(c *cos.Client, session string, offset int64, data []byte) (*cos.Response, error) {
	var resp *cos.Response
	var err error
	for try := 0; try < 3; try++ {
		resp, err = c.SendSlice(session, offset, data)
		if err == nil && resp.Code == 0 { // want `^slice resent in the same upload session on every failure code`
			break
		}
		time.Sleep(time.Duration(try) * time.Second)
	}
	return resp, err
}

// The op string reaches the request before the loop; the helper's name
// says nothing.
func opStringBeforeTheLoop(session string, data []byte) (*cos.Response, error) {
	params := map[string]string{"op": "upload_slice_data", "session": session}
	for i := 0; i < maxRetry; i++ {
		resp, err := send(params, data)
		if err != nil {
			continue
		}
		if resp.Code < 0 { // want `^slice resent in the same upload session on every failure code`
			log.Printf("code %d, again", resp.Code)
			continue
		}
		return resp, nil
	}
	return nil, errors.New("out of retries")
}

// A default that waits and falls through to the same slice.
func switchDefault(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		switch resp.Code {
		case 0:
			offset += 1 << 20
		case -71:
			time.Sleep(2 * time.Second)
		default: // want `^slice resent in the same upload session on every failure code`
			time.Sleep(time.Second)
		}
	}
	return nil
}

// Silent: a session code is taken out first, and restarts.
func sessionCodesFirst(c *cos.Client, path string, data []byte) error {
	init, err := c.InitUpload(path, int64(len(data)))
	if err != nil {
		return err
	}
	session := init.Data.Session
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4019 || resp.Code == -4026 {
			return errors.New("session broken: start over")
		}
		if resp.Code != 0 {
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// Silent: the offset moves on before the check, so continue does not
// resend (the failure is lost, which is another bug).
func advancesFirst(c *cos.Client, session string, data []byte) {
	for offset := int64(0); offset < int64(len(data)); {
		resp, _ := c.SendSlice(session, offset, data[offset:])
		offset += 1 << 20
		if resp.Code != 0 {
			continue
		}
	}
}

// Silent: a blanket retry around something that is no slice.
func statRetry(c *cos.Client, path string) (*cos.Response, error) {
	for try := 0; try < 3; try++ {
		resp, err := c.Stat(path)
		if err == nil && resp.Code == 0 {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errors.New("stat failed")
}

// Silent: continue goes to the next slice of the range; the failure is
// lost, but nothing is resent.
func rangeOverSlices(c *cos.Client, session string, chunks [][]byte) {
	var offset int64
	for _, chunk := range chunks {
		resp, _ := c.SendSlice(session, offset, chunk)
		offset += int64(len(chunk))
		if resp.Code != 0 {
			continue
		}
	}
}

func send(params map[string]string, body []byte) (*cos.Response, error) { return &cos.Response{}, nil }

// A function that sends one slice, by its name; the op string comes from
// the caller.
func uploadSlice(params map[string]string, data []byte) (*cos.Response, error) {
	var last error
	for i := 0; i < maxRetry; i++ {
		resp, err := send(params, data)
		if err != nil {
			last = err
			continue
		}
		switch resp.Code {
		case 0:
			return resp, nil
		default: // want `^slice resent in the same upload session on every failure code`
			last = fmt.Errorf("code %d", resp.Code)
		}
	}
	return nil, last
}

// The shape of a public Go client: the retry budget is checked inside the
// blanket branch, which continues or gives up.
func budgetInside(c *cos.Client, session string, data []byte) (*cos.Response, error) {
	retryTimes := 0
	var offset int64
	for offset < int64(len(data)) {
		response, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return nil, err
		}
		if response.Code != 0 { // want `^slice resent in the same upload session on every failure code`
			if retryTimes < maxRetry {
				retryTimes++
				continue
			} else {
				return nil, fmt.Errorf("%s", response.Message)
			}
		}
		offset += 1 << 20
	}
	return nil, nil
}

func succeeded(code int) bool { return code == 0 }

// A success test of the package's own, negated.
func notSucceeded(c *cos.Client, session string, offset int64, data []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		if !succeeded(resp.Code) { // want `^slice resent in the same upload session on every failure code`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("out of attempts")
}

var errSession = errors.New("upload session broken")

// sliceErr sends a slice; a failure code comes back as an error.
func sliceErr(c *cos.Client, session string, offset int64, data []byte) error {
	resp, err := c.SendSlice(session, offset, data)
	if err != nil {
		return err
	}
	if resp.Code != 0 {
		return &cos.Error{Code: resp.Code, Message: resp.Message}
	}
	return nil
}

// sendSliceErr returns what sliceErr returns.
func sendSliceErr(c *cos.Client, session string, offset int64, data []byte) error {
	return sliceErr(c, session, offset, data)
}

// err != nil tests the code: a retry counter around the slice.
func errorRetry(c *cos.Client, session string, offset int64, data []byte) error {
	var err error
	for try := 0; try < 3; try++ {
		if err = sliceErr(c, session, offset, data); err == nil { // want `^slice resent in the same upload session on every failure code`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// err != nil tests the code: continue before the offset moves on.
func errorContinue(c *cos.Client, session string, data []byte) error {
	retries := 0
	for offset := int64(0); offset < int64(len(data)); {
		err := sendSliceErr(c, session, offset, data[offset:])
		if err != nil && retries < maxRetry { // want `^slice resent in the same upload session on every failure code`
			retries++
			continue
		}
		if err != nil {
			return err
		}
		offset += 1 << 20
	}
	return nil
}

// Silent: the error is looked into first.
func errorInspected(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		err := sliceErr(c, session, offset, data[offset:])
		var e *cos.Error
		if errors.As(err, &e) && (e.Code == -4019 || e.Code == -4026) {
			return errSession
		}
		if err != nil {
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// Silent: the error of a send that reports codes in its answer is a
// network error, worth a retry.
func transportError(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if resp.Code != 0 {
			return fmt.Errorf("code %d", resp.Code)
		}
		offset += 1 << 20
	}
	return nil
}

func isTransientCode(code int) bool { return code == -71 || code == -4024 }

func codeOf(err error) int {
	var e *cos.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// Silent: a classifier that answers no for the session codes decides.
func classifiedRetry(c *cos.Client, session string, data []byte) error {
	tries := 0
	for offset := int64(0); offset < int64(len(data)); {
		err := sliceErr(c, session, offset, data[offset:])
		if err != nil && isTransientCode(codeOf(err)) && tries < 5 {
			tries++
			continue
		}
		if err != nil {
			return err
		}
		offset += 1 << 20
	}
	return nil
}

// postRetry retries any request on any failure; callers hand it slices.
func postRetry(params map[string]string, body []byte) (*cos.Response, error) {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := send(params, body)
		if err != nil {
			last = err
			continue
		}
		if resp.Code == 0 { // want `^slice resent in the same upload session on every failure code`
			return resp, nil
		}
		last = fmt.Errorf("code %d: %s", resp.Code, resp.Message)
	}
	return nil, last
}

func uploadThroughHelper(session string, data []byte) error {
	for offset := 0; offset < len(data); offset += 1 << 20 {
		params := map[string]string{"op": "upload_slice_data", "session": session, "offset": fmt.Sprint(offset)}
		if _, err := postRetry(params, data[offset:]); err != nil {
			return err
		}
	}
	return nil
}

// statRetry2 retries a stat the same way: no slice goes through it.
func statRetry2(params map[string]string) (*cos.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := send(params, nil)
		if err == nil && resp.Code == 0 {
			return resp, nil
		}
	}
	return nil, errors.New("stat failed")
}

func stat(path string) (*cos.Response, error) {
	return statRetry2(map[string]string{"op": "stat", "path": path})
}

// reply is an envelope that is its own error.
type reply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (r *reply) Error() string { return r.Message }

func postReply(op, session string) error {
	r := &reply{}
	_ = op + session
	if r.Code != 0 {
		return r
	}
	return nil
}

func sliceReply(session string) error { return postReply("upload_slice_data", session) }

// The envelope comes back as the error on a failure code.
func replyRetry(session string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = sliceReply(session); err == nil { // want `^slice resent in the same upload session on every failure code`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
