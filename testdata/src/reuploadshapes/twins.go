package reuploadshapes

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"

	"reuploadlibs/retry"
)

// Twins that belong to no one shape: they must all stay silent.

// Silent: a loop over files where each iteration is a whole upload; a
// failure code gives up on this file and continues with the next one,
// which opens its own session.
func (a *api) uploadFiles(names []string) (failed []string) {
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			failed = append(failed, name)
			continue
		}
		init, err := a.open(name, int64(len(data)))
		if err != nil || init.Code != 0 {
			failed = append(failed, name)
			continue
		}
		ok := true
		for pos := 0; pos < len(data) && ok; pos += a.chunk {
			env, err := a.call("upload_slice_data", name, map[string]string{"session": init.Data.Session, "offset": strconv.Itoa(pos)}, data[pos:min(pos+a.chunk, len(data))])
			ok = err == nil && env.Code == 0
		}
		if !ok {
			failed = append(failed, name)
			continue
		}
		if env, err := a.done(name, init.Data.Session, int64(len(data))); err != nil || env.Code != 0 {
			failed = append(failed, name)
		}
	}
	return failed
}

// Silent: retry.Do around a whole upload of one file, inside the loop over
// the files: every attempt is a new session.
func (s *svc) syncDir(ctx context.Context, names []string, chunk int) error {
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		err = retry.Do(func() error {
			sid, err := s.begin(ctx, name, int64(len(data)), chunk)
			if err != nil {
				return err
			}
			for off := 0; off < len(data); off += chunk {
				if err := s.sendPart(ctx, name, sid, int64(off), data[off:min(off+chunk, len(data))]); err != nil {
					return err
				}
			}
			return s.finish(ctx, name, sid, int64(len(data)))
		})
		if err != nil {
			log.Printf("%s: %v", name, err)
		}
	}
	return nil
}

// Silent: -1 is the program's own value, "no answer yet"; the loop goes
// round only while the request did not reach the server, and any code the
// server sends ends it.
func (a *api) sendOnce(key, sid string, pos int, p []byte) error {
	code := -1 // nothing came back yet
	msg := ""
	for tries := 0; code == -1 && tries < 3; tries++ {
		env, err := a.call("upload_slice_data", key, map[string]string{"session": sid, "offset": strconv.Itoa(pos)}, p)
		if err != nil {
			continue // the network: code stays -1
		}
		code, msg = env.Code, env.Message
	}
	if code != 0 {
		return fmt.Errorf("%s at %d: %d %s", key, pos, code, msg)
	}
	return nil
}
