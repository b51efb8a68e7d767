// Package reuploadretry handles reupload codes as plain retries: every
// branch here waits, logs, counts or does nothing, then goes round again
// in the same session.
package reuploadretry

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
	cos "reuploadcos"
)

// A local constant counts as much as a literal or a catalog constant.
const sessionBroken = -4019

// An explicit continue, with a catalog constant.
func continueOnCatalogConstant(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == catalog.ErrOffsetToZero { // want `^reupload code -4019 \(catalog\.ErrOffsetToZero: storing failed, upload again\) handled as a plain retry in the same upload session: start a new upload with upload_slice_init or resume via upload_slice_list$`
			time.Sleep(time.Second)
			continue
		}
		if resp.Code != 0 {
			return fmt.Errorf("slice at %d: %s", offset, resp.Message)
		}
		offset += 1 << 20
	}
	return nil
}

// An || chain with a retry-class code and a folded literal, and a retry
// budget that only bounds the resends.
func orChain(c *cos.Client, session string, data []byte) error {
	retries := 0
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -71 || resp.Code == -(4026) { // want `^reupload code -4026 \(catalog\.ErrOffsetBackTooMuch: the index was deleted or the SHA differs, upload again\) handled as a plain retry`
			retries++
			if retries > 3 {
				return errors.New("too many retries")
			}
			log.Printf("slice at %d: %s, again", offset, resp.Message)
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// A switch case with a local constant that falls through to the next
// attempt of a retry loop.
func switchFallsThrough(c *cos.Client, session string, offset int64, data []byte) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		switch resp.Code {
		case 0:
			return nil
		case -71:
			time.Sleep(time.Second)
		case sessionBroken, -4027: // want `^reupload code -4019 ` `^reupload code -4027 `
			log.Printf("session trouble, trying again")
		default:
			return fmt.Errorf("code %d", resp.Code)
		}
	}
	return errors.New("out of attempts")
}

// A branch that does nothing, in a loop that only leaves on success.
func doesNothing(c *cos.Client, session string, data []byte) {
	for {
		resp, _ := c.SendSlice(session, 0, data)
		code := resp.Code
		if code == 0 {
			break
		}
		if code == -4027 { // want `^reupload code -4027 \(catalog\.ErrOffsetRedo: index error, upload again\) handled as a plain retry`
			// nothing to do: the next attempt will tell
		}
	}
}

// A wait on a select before the next attempt.
func waitsInSelect(ctx context.Context, c *cos.Client, session string, offset int64, data []byte) error {
	for tries := 0; tries < 3; tries++ {
		resp, err := c.SendSlice(session, offset, data)
		if err != nil {
			return err
		}
		if resp.Code == catalog.ErrorCgiShaNotMatch { // want `^reupload code -5984 \(catalog\.ErrorCgiShaNotMatch: SHA-1 mismatch\) handled as a plain retry`
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
			}
			continue
		}
		return nil
	}
	return nil
}

// A reupload code skipped over in a loop over the slices: the next slice
// goes into the broken session.
func skipsTheSlice(c *cos.Client, session string, chunks [][]byte) {
	var offset int64
	for _, chunk := range chunks {
		resp, err := c.SendSlice(session, offset, chunk)
		if err == nil && resp.Code == -4026 { // want `^reupload code -4026 .*handled as a plain retry`
			log.Print("slice refused, going on")
			continue
		}
		offset += int64(len(chunk))
	}
}

// The request built in the loop from the op string, sent by a helper
// whose name says nothing; the retry is counted in a labelled loop.
func opStringInTheLoop(session string, data []byte) error {
	for offset := 0; offset < len(data); {
		params := map[string]string{"op": "upload_slice_data", "session": session}
		resp, err := post(params, data[offset:])
		if err != nil {
			return err
		}
		switch code := resp.Code; code {
		case 0:
			offset += 1 << 20
		case -4019, -71: // want `^reupload code -4019 `
			time.Sleep(time.Second)
		default:
			return fmt.Errorf("code %d", code)
		}
	}
	return nil
}

func post(params map[string]string, body []byte) (*cos.Response, error) { return &cos.Response{}, nil }

// A request helper that every operation goes through retries a session
// code with the rest: whatever it sends, the resend cannot succeed.
func do(params map[string]string, body []byte) (*cos.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := post(params, body)
		if err != nil {
			return nil, err
		}
		if resp.Code == -71 || resp.Code == catalog.ErrOffsetToZero { // want `^reupload code -4019 .*handled as a plain retry`
			time.Sleep(time.Duration(attempt+1) * time.Second)
			continue
		}
		return resp, nil
	}
	return nil, errors.New("out of attempts")
}

func transient(code int) bool {
	switch code {
	case -71, -4024:
		return true
	case -4016: // want `^transient answers yes for reupload code -4016 \(catalog\.ErrNotSameSHA: SHA check failed\)`
		return true
	}
	return false
}

// A tagless switch: the budget runs out in the default clause, which is
// no continuation of the clause that retries.
func taglessSwitch(c *cos.Client, session string, data []byte) error {
	for off, tries := int64(0), 0; off < int64(len(data)); {
		resp, err := c.SendSlice(session, off, data[off:])
		switch {
		case err != nil:
			return err
		case resp.Code == 0:
			off, tries = off+1<<20, 0
		case transient(resp.Code) && tries < 4: // want `^transient answers yes for reupload code -4016 .*, so this retry resends in a broken upload session`
			tries++
			time.Sleep(time.Duration(tries) * time.Second)
		default:
			return fmt.Errorf("slice at %d: %s", off, resp.Message)
		}
	}
	return nil
}

// An if-else chain: the else is no continuation of the branch that
// retries.
func elseChain(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == 0 {
			offset += 1 << 20
		} else if resp.Code == -4021 { // want `^reupload code -4021 \(catalog\.ErrParamInvalidSessionDecodeError: the session parameter could not be decoded\) handled as a plain retry`
			log.Printf("session %s undecodable, again", session)
		} else {
			return fmt.Errorf("code %d", resp.Code)
		}
	}
	return nil
}

// A function that sends its slice again by calling itself.
func sendSlice(c *cos.Client, session string, offset int64, data []byte, retries int) (*cos.Response, error) {
	resp, err := c.SendSlice(session, offset, data)
	if err != nil {
		return nil, err
	}
	if resp.Code == catalog.ErrOffsetBackTooMuch && retries > 0 { // want `^reupload code -4026 .*handled as a plain retry`
		log.Printf("slice at %d: %s, again", offset, resp.Message)
		return sendSlice(c, session, offset, data, retries-1)
	}
	return resp, nil
}

// stringAnswer declares its code as a string.
type stringAnswer struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func postString(params map[string]string) stringAnswer { return stringAnswer{} }

func stringCodes(session string, size int) {
	for offset := 0; offset < size; {
		a := postString(map[string]string{"op": "upload_slice_data", "session": session})
		if a.Code == "-4019" { // want `^reupload code -4019 .*handled as a plain retry`
			time.Sleep(time.Second)
			continue
		}
		offset += 1 << 20
	}
}

// A type switch on the error, then the code.
func typeSwitch(c *cos.Client, session string, offset int64, data []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := sendAsError(c, session, offset, data)
		switch e := err.(type) {
		case nil:
			return nil
		case *cos.Error:
			if e.Code == -4019 { // want `^reupload code -4019 .*handled as a plain retry`
				time.Sleep(time.Second)
				continue
			}
			return e
		default:
			return err
		}
	}
	return nil
}

func sendAsError(c *cos.Client, session string, offset int64, data []byte) error {
	resp, err := c.SendSlice(session, offset, data)
	if err != nil {
		return err
	}
	if resp.Code != 0 {
		return &cos.Error{Code: resp.Code, Message: resp.Message}
	}
	return nil
}

type counters struct {
	mu      sync.Mutex
	retries int
}

// Counting under a lock is still counting.
func countsUnderLock(c *cos.Client, st *counters, session string, data []byte) {
	for offset := int64(0); offset < int64(len(data)); {
		resp, _ := c.SendSlice(session, offset, data[offset:])
		if resp.Code == catalog.ErrorProxyWrongSession { // want `^reupload code -94 \(catalog\.ErrorProxyWrongSession: the message carries a wrong session\) handled as a plain retry`
			st.mu.Lock()
			st.retries++
			st.mu.Unlock()
			continue
		}
		offset += 1 << 20
	}
}
