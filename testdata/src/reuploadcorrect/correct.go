// Package reuploadcorrect handles reupload codes correctly: it starts
// over, resumes, or hands the error to a caller that does. Nothing here
// is reported.
package reuploadcorrect

import (
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
	cos "reuploadcos"
)

var errRestart = errors.New("upload session broken")

// A new session and offset zero in the branch.
func restartInTheBranch(c *cos.Client, path string, data []byte) error {
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
		if resp.Code == catalog.ErrOffsetToZero {
			init, err = c.InitUpload(path, int64(len(data)))
			if err != nil {
				return err
			}
			session, offset = init.Data.Session, 0
			continue
		}
		if resp.Code == -71 || resp.Code == -4024 || resp.Code == -2 || resp.Code == 503 {
			time.Sleep(time.Second) // retry-class codes may be retried
			continue
		}
		if resp.Code != 0 {
			return fmt.Errorf("code %d", resp.Code)
		}
		offset += 1 << 20
	}
	return nil
}

// A call that opens a session, by its name.
func restartByCall(c *cos.Client, path string, data []byte) error {
	session := ""
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		switch resp.Code {
		case 0:
			offset += 1 << 20
		case -4019, -4026, -4027:
			if session, err = newSession(c, path); err != nil {
				return err
			}
		default:
			return fmt.Errorf("code %d", resp.Code)
		}
	}
	return nil
}

func newSession(c *cos.Client, path string) (string, error) {
	init, err := c.InitUpload(path, 0)
	if err != nil {
		return "", err
	}
	return init.Data.Session, nil
}

// The error goes back, wrapped, to a caller that starts over.
func returnsTheError(c *cos.Client, session string, data []byte) error {
	for try := 0; try < 3; try++ {
		resp, err := c.SendSlice(session, 0, data)
		if err != nil {
			return err
		}
		if resp.Code == -4026 {
			return fmt.Errorf("slice: %w", errRestart)
		}
		if resp.Code == 0 {
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}

// break out of the slice loop into a restart path.
func breaksToRestart(c *cos.Client, path string, data []byte) error {
	init, _ := c.InitUpload(path, int64(len(data)))
	broken := false
	for offset := int64(0); offset < int64(len(data)); offset += 1 << 20 {
		resp, err := c.SendSlice(init.Data.Session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == catalog.ErrOffsetRedo {
			log.Print("session broken, starting over")
			broken = true
			break
		}
	}
	if broken {
		_, err := c.UploadFile(path, data)
		return err
	}
	return nil
}

// Resume from what the server lists.
func resumes(c *cos.Client, path, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4019 {
			list, err := c.ListSlices(path)
			if err != nil {
				return err
			}
			offset = list.Data.Offset
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// continue to an outer loop that opens a new session every time.
func continueRestart(c *cos.Client, path string, data []byte) error {
restart:
	for attempt := 0; attempt < 3; attempt++ {
		init, err := c.InitUpload(path, int64(len(data)))
		if err != nil {
			return err
		}
		for offset := int64(0); offset < int64(len(data)); {
			resp, err := c.SendSlice(init.Data.Session, offset, data[offset:])
			if err != nil {
				return err
			}
			if resp.Code == -4019 || resp.Code == -4026 {
				time.Sleep(time.Second)
				continue restart
			}
			offset += 1 << 20
		}
		return nil
	}
	return errors.New("out of attempts")
}

// The whole upload is retried: every attempt opens a new session.
func wholeUploadRetried(c *cos.Client, path string, data []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.UploadFile(path, data)
		if err != nil {
			return err
		}
		if resp.Code == -4019 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("out of attempts")
}

// The session is reset in the branch; the loop opens one when it has none.
func resetsTheSession(c *cos.Client, path string, data []byte) error {
	var session string
	for offset := int64(0); offset < int64(len(data)); {
		if session == "" {
			init, err := c.InitUpload(path, int64(len(data)))
			if err != nil {
				return err
			}
			session, offset = init.Data.Session, 0
		}
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4027 {
			session = ""
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// Only retry-class codes are retried with a classifier that leaves the
// session codes out.
func retriesWithAGoodClassifier(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if cos.ShouldRetry(resp.Code) {
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

// Every path of the branch leaves the loop.
func alwaysLeaves(c *cos.Client, session string, data []byte, restarted bool) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4019 {
			if restarted {
				return fmt.Errorf("again: %w", errRestart)
			} else {
				return errRestart
			}
		}
		offset += 1 << 20
	}
	return nil
}

// A flag tells the top of the loop to open a new session.
func flagRestarts(c *cos.Client, path string, data []byte) error {
	var session string
	broken := true
	for offset := int64(0); offset < int64(len(data)); {
		if broken {
			init, err := c.InitUpload(path, int64(len(data)))
			if err != nil {
				return err
			}
			session, offset, broken = init.Data.Session, 0, false
		}
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4026 {
			broken = true
			continue
		}
		offset += 1 << 20
	}
	return nil
}

// A name that says what happens after the retry: a new session.
func retryWithNewSession(code int) bool { return code == -4019 }

// A function that starts the whole upload over by calling itself.
func uploadFile(c *cos.Client, path string, data []byte, attempts int) error {
	init, err := c.InitUpload(path, int64(len(data)))
	if err != nil {
		return err
	}
	resp, err := c.SendSlice(init.Data.Session, 0, data)
	if err != nil {
		return err
	}
	if resp.Code == -4019 && attempts > 0 {
		return uploadFile(c, path, data, attempts-1)
	}
	return nil
}

// A slice sender that calls itself for the next slice, and gives up on a
// session code.
func sendFrom(c *cos.Client, session string, offset int64, data []byte) error {
	if offset >= int64(len(data)) {
		return nil
	}
	resp, err := c.SendSlice(session, offset, data[offset:])
	if err != nil {
		return err
	}
	if resp.Code == -4019 {
		return errRestart
	}
	return sendFrom(c, session, offset+1<<20, data)
}

func reset(c *cos.Client) {}

// The session code that falls through is handled further down: a reset
// on every failure.
func fallsThroughToReset(c *cos.Client, session string, data []byte) error {
	for offset := int64(0); offset < int64(len(data)); {
		resp, err := c.SendSlice(session, offset, data[offset:])
		if err != nil {
			return err
		}
		if resp.Code == -4019 {
			log.Print("session broken")
		}
		if resp.Code != 0 {
			reset(c)
			return errRestart
		}
		offset += 1 << 20
	}
	return nil
}

type uploader struct {
	c     *cos.Client
	next  int
	path  string
	chunk []byte
}

const (
	stepInit = iota
	stepData
)

// A state machine: the branch sends it back to its first step.
func (u *uploader) run(session string) error {
	for attempt := 0; attempt < 10; attempt++ {
		switch u.next {
		case stepInit:
			init, err := u.c.InitUpload(u.path, int64(len(u.chunk)))
			if err != nil {
				return err
			}
			session, u.next = init.Data.Session, stepData
		case stepData:
			resp, err := u.c.SendSlice(session, 0, u.chunk)
			if err != nil {
				return err
			}
			if resp.Code == -4019 {
				u.next = stepInit
				continue
			}
			return nil
		}
	}
	return nil
}

// shouldRetryUpload says when to retry the whole upload: session codes.
func shouldRetryUpload(code int) bool { return code == -4019 || code == -4026 }

func openSession(c *cos.Client, path string) string {
	init, _ := c.InitUpload(path, 0)
	return init.Data.Session
}

// Every attempt opens a session in the loop's post statement.
func postOpens(c *cos.Client, path string, data []byte) {
	for session, attempt := openSession(c, path), 0; attempt < 3; session, attempt = openSession(c, path), attempt+1 {
		resp, _ := c.SendSlice(session, 0, data)
		if resp.Code == -4019 {
			continue
		}
		return
	}
}
