package reuploadshapes

import (
	"context"
	"fmt"
	"strconv"
)

// The position moved through another variable. Skipping to the next slice
// after a failure code loses that slice (a bug of another kind) but sends
// nothing twice: it must stay silent for this category. What tells a skip
// from a resend is whether the position was given a value computed from
// it (next := offset + n; offset = next) on the way back to the send, not
// how the assignment is spelled.

// Silent: the twin of the false report. next is computed from
// offset before the send, and offset takes it before the code is looked
// at: the continue goes on with the next slice.
func (a *api) skipViaNext(key, sid string, data []byte) (lost int) {
	offset, size := 0, len(data)
	for offset < size {
		next := min(offset+a.chunk, size)
		env, err := a.call("upload_slice_data", key, map[string]string{
			"session": sid,
			"offset":  strconv.Itoa(offset),
		}, data[offset:next])
		offset = next
		if err != nil || env.Code != 0 {
			lost++
			continue
		}
	}
	return lost
}

// Silent: the same skip, the next offset kept in one variable (end) and
// handed through another (next := end) to the position.
func (a *api) skipViaEnd(key, sid string, data []byte) (lost int) {
	for offset := 0; offset < len(data); {
		end := offset + a.chunk
		if end > len(data) {
			end = len(data)
		}
		env, err := a.call("upload_slice_data", key, map[string]string{
			"session": sid,
			"offset":  strconv.Itoa(offset),
		}, data[offset:end])
		next := end
		offset = next
		if err != nil || env.Code != 0 {
			lost++
			continue
		}
	}
	return lost
}

// resendBeforeNext: the same variables, but the continue comes before
// offset = next. The top of the loop computes next from the offset that
// did not move: the same slice goes out again, in the same session.
func (a *api) resendBeforeNext(key, sid string, data []byte) error {
	offset, size, tries := 0, len(data), 0
	for offset < size {
		next := offset + a.chunk
		if next > size {
			next = size
		}
		env, err := a.call("upload_slice_data", key, map[string]string{
			"session": sid,
			"offset":  strconv.Itoa(offset),
		}, data[offset:next])
		if err != nil || env.Code != 0 { // want "slice resent in the same upload session on every failure code"
			if tries++; tries > a.maxTries {
				return fmt.Errorf("%s: slice at %d failed %d times", key, offset, tries)
			}
			continue
		}
		tries = 0
		offset = next
	}
	return nil
}

// cursor is the state of the "cursor" author: the position and the end of
// the slice in flight live in a struct, and the error carries the code.
type cursor struct {
	at, next int
	failed   []int
}

// Silent: the cursor moves through its own field (c.next computed from
// c.at, then c.at = c.next) before the error is looked at.
func (s *svc) skipWithCursor(ctx context.Context, key, sid string, data []byte, chunk int) *cursor {
	c := &cursor{}
	for c.at < len(data) {
		c.next = min(c.at+chunk, len(data))
		err := s.sendPart(ctx, key, sid, int64(c.at), data[c.at:c.next])
		failedAt := c.at
		c.at = c.next
		if err != nil {
			c.failed = append(c.failed, failedAt)
			continue
		}
	}
	return c
}

// resendFromAcked: the position goes back to the end of the last slice
// the server took. acked was computed from an earlier position, but the
// position was set from it since: on a failure it is where the position
// already is, and the same slice goes out again, in the same session.
func (s *svc) resendFromAcked(ctx context.Context, key, sid string, data []byte, chunk int) error {
	acked, off := 0, 0
	for off < len(data) {
		end := min(off+chunk, len(data))
		if err := s.sendPart(ctx, key, sid, int64(off), data[off:end]); err != nil { // want "slice resent in the same upload session on every failure code"
			off = acked
			continue
		}
		acked = end
		off = acked
	}
	return nil
}
