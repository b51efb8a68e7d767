package reuploadshapes

import (
	"fmt"
	"strconv"
)

// Shape 7: the session read back from the slice reply inside the retry
// loop. The slice reply carries the session it was sent in: the same
// session, so the resend is still a resend into the broken session. The
// files/v1 forms are cosv1.storeBlob and cosv1.(remote).putWithEcho.

type uploadCtx struct {
	uploadKey string
	session   string
	pos       int
}

// reread: ctx.session is refreshed from every reply.
func (a *api) reread(ctx *uploadCtx, data []byte) error {
	for ctx.pos < len(data) {
		end := min(ctx.pos+a.chunk, len(data))
		var env *envelope
		for tries := 0; tries < a.maxTries; tries++ {
			var err error
			env, err = a.call("upload_slice_data", ctx.uploadKey, map[string]string{
				"session": ctx.session,
				"offset":  strconv.Itoa(ctx.pos),
			}, data[ctx.pos:end])
			if err != nil {
				return err
			}
			if env.Data.Session != "" {
				ctx.session = env.Data.Session
			}
			if env.Code == 0 { // want "slice resent in the same upload session on every failure code"
				break
			}
		}
		if env.Code != 0 {
			return fmt.Errorf("%s: %s", ctx.uploadKey, env.Message)
		}
		ctx.pos = end
	}
	return nil
}

// resumeOffset is where the slices the server has end, when they are
// contiguous from zero.
func resumeOffset(parts []listPart) int {
	var end int64
	for _, p := range parts {
		if p.Offset != end {
			break
		}
		end += p.DataLen
	}
	return int(end)
}

// Silent: a failure code asks upload_slice_list what the server has and
// goes on from there with the session the list hands back (the resume of
// the Java and JS SDKs).
func (a *api) rereadFromList(ctx *uploadCtx, data []byte) error {
	resumes := 0
	for ctx.pos < len(data) {
		end := min(ctx.pos+a.chunk, len(data))
		env, err := a.call("upload_slice_data", ctx.uploadKey, map[string]string{
			"session": ctx.session,
			"offset":  strconv.Itoa(ctx.pos),
		}, data[ctx.pos:end])
		if err != nil {
			return err
		}
		if env.Code != 0 {
			if resumes++; resumes > 3 {
				return fmt.Errorf("%s: %s", ctx.uploadKey, env.Message)
			}
			lst, err := a.call("upload_slice_list", ctx.uploadKey, nil, nil)
			if err != nil {
				return err
			}
			if lst.Code != 0 {
				return fmt.Errorf("%s: list: %s", ctx.uploadKey, lst.Message)
			}
			ctx.session = lst.Data.Session
			ctx.pos = resumeOffset(lst.Data.ListParts)
			continue
		}
		ctx.pos = end
	}
	return nil
}
