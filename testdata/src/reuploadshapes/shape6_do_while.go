package reuploadshapes

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Shape 6: a do/while, for { ...send...; if ok { break }; n++; if n >= max
// { return } }, the counter checked at the bottom. The files/v1 form is
// cosv1.followSlices.

// doWhile: the success test is taken apart from the branch that leaves.
func (c *formClient) doWhile(ctx context.Context, key, sid string, cur int64, p []byte) error {
	n := 0
	for {
		var out formReply
		if err := c.postForm(ctx, key, sliceForm{Op: "upload_slice_data", Session: sid, Offset: cur}, p, &out); err != nil {
			return err
		}
		ok := out.Code == 0 // want "slice resent in the same upload session on every failure code"
		// (the if ok on the next line is where the failure edge leaves; it
		// could be reported instead of the comparison)
		if ok {
			break
		}
		n++
		if n >= 5 {
			return fmt.Errorf("%s at %d: %s", key, cur, out.Msg)
		}
		time.Sleep(c.backoff)
	}
	return nil
}

// loopSlices: the call author's slice loop with the do/while inside it.
func (a *api) loopSlices(key, sid string, data []byte) error {
	for pos := 0; pos < len(data); pos += a.chunk {
		i := 0
		for {
			env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, data[pos:min(pos+a.chunk, len(data))])
			if err == nil && env.Code == 0 { // want "slice resent in the same upload session on every failure code"
				break
			}
			i++
			if i >= a.maxTries {
				if err != nil {
					return err
				}
				return fmt.Errorf("%s: %s", key, env.Message)
			}
		}
	}
	return nil
}

// Silent: the same do/while around upload_slice_finish only: no slice is
// sent again.
func (a *api) finishDoWhile(key, sid string, size int64) (*envelope, error) {
	tries := 0
	for {
		env, err := a.done(key, sid, size)
		if err == nil && env.Code == 0 {
			return env, nil
		}
		tries++
		if tries >= 3 {
			if err != nil {
				return nil, err
			}
			return env, fmt.Errorf("finish %s: %s", key, env.Message)
		}
		time.Sleep(time.Second)
	}
}
