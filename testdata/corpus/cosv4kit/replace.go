package cosv4kit

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// transient reports whether a slice that failed with c can be sent again.
func transient(c RetCode) bool {
	switch c {
	case RetFreqControl, -4024: // expect: magic-code
		return true
	case -4016: // sha校验失败 // expect: magic-code reupload-retry
		return true
	}
	return false
}

// Replace overwrites key with data, slice by slice, in an upload session
// opened with insertOnly=0.
func (k *Kit) Replace(ctx context.Context, key string, data []byte, sliceSize int) error {
	init, _, err := k.call(ctx, key, map[string]string{
		"op":         "upload_slice_init",
		"filesize":   strconv.Itoa(len(data)),
		"slice_size": strconv.Itoa(sliceSize),
		"insertOnly": "0",
	}, nil)
	if err != nil {
		return err
	}
	if !init.Code.OK() {
		return fmt.Errorf("cosv4kit: init %s: %s", key, init.Message)
	}
	session := string(init.Data)
	for off, tries := 0, 0; off < len(data); {
		end := min(off+sliceSize, len(data))
		a, _, err := k.call(ctx, key, map[string]string{
			"op":      "upload_slice_data",
			"session": session,
			"offset":  strconv.Itoa(off),
		}, data[off:end])
		switch {
		case err != nil:
			return err
		case a.Code.OK():
			off, tries = end, 0
		case transient(a.Code) && tries < 4: // expect: reupload-retry
			tries++
			time.Sleep(time.Duration(tries) * time.Second)
		default:
			return fmt.Errorf("cosv4kit: slice at %d of %s: %s (%d)", off, key, a.Message, a.Code)
		}
	}
	_, _, err = k.call(ctx, key, map[string]string{"op": "upload_slice_finish", "session": session}, nil)
	return err // expect: swallowed-failure
}
