// Package syncer mirrors a local directory into a COS bucket.
package syncer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"example.com/corpus/coserr"
)

// The codes the upload loop handles itself (see the COS v4 code list).
const (
	codeFreqControl  = -71   // ERROR_PROXY_FREQ_CONTROL: 操作太频繁,请稍后再试
	codeOffGoBack    = -4024 // ErrOffGoBack: 偏移量回退，请重试
	codeOffsetToZero = -4019 // ErrOffsetToZero: 入库失败，请重新上传
	codeIndexDeleted = -4026 // ErrOffsetBackTooMuch: 索引被删除或SHA不一致，请重新上传
	codeIndexRedo    = -4027 // ErrOffsetRedo: 索引错误，请重新上传
)

// maxRestarts bounds how many times one file's upload starts over.
const maxRestarts = 2

// Syncer uploads the files of Root under Prefix.
type Syncer struct {
	C      *coserr.Client
	Bucket string
	Root   string
	Prefix string
	Log    *log.Logger
}

// Run uploads every regular file of the tree.
func (s *Syncer) Run(ctx context.Context) error {
	failed := 0
	err := filepath.WalkDir(s.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(s.Root, p)
		if err != nil {
			return err
		}
		key := strings.TrimPrefix(s.Prefix+"/"+filepath.ToSlash(rel), "/")
		if err := s.putFile(ctx, p, key); err != nil {
			s.Log.Printf("sync %s: %v", rel, err)
			failed++
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed != 0 {
		return fmt.Errorf("syncer: %d files failed", failed)
	}
	return nil
}

func (s *Syncer) putFile(ctx context.Context, local, key string) error {
	f, err := os.Open(local)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	err = s.upload(ctx, key, f, st.Size())
	var e *coserr.Error
	if errors.As(err, &e) {
		switch e.ErrCode() {
		case -4018, -177: // already there // expect: magic-code magic-code
			return nil
		case 4019: // 入库失败，请重新上传 // expect: unknown-code
			s.Log.Printf("sync %s: server asks for a new upload", key)
			return s.upload(ctx, key, f, st.Size())
		}
	}
	if code := coserr.Code(err); code == -61 { // expect: magic-code
		return fmt.Errorf("syncer: check the bucket and appid of the key pair: %w", err)
	}
	return err
}

// upload sends the file slice by slice. Rate limits and offset
// go-backs are retried with backoff; when the server lost the session the
// upload starts over with a new one.
func (s *Syncer) upload(ctx context.Context, key string, r io.ReaderAt, size int64) error {
	restarts := 0
restart:
	for {
		sess, err := s.C.InitSlice(ctx, s.Bucket, key, size)
		if err != nil {
			return err
		}
		if sess.AccessURL != "" {
			return nil
		}
		buf := make([]byte, sess.SliceSize)
		backoff := 100 * time.Millisecond
		for offset := int64(0); offset < size; {
			n, rerr := r.ReadAt(buf, offset)
			if rerr != nil && rerr != io.EOF {
				return rerr
			}
			err := s.C.SliceData(ctx, s.Bucket, key, sess.Session, offset, buf[:n])
			switch coserr.Code(err) {
			case 0:
				offset += int64(n)
				backoff = 100 * time.Millisecond
			case codeFreqControl, codeOffGoBack:
				time.Sleep(backoff)
				backoff *= 2
			case codeOffsetToZero, codeIndexDeleted, codeIndexRedo:
				restarts++
				if restarts > maxRestarts {
					return err
				}
				s.Log.Printf("sync %s: %v; starting over", key, err)
				continue restart
			default:
				return err
			}
		}
		_, err = s.C.FinishSlice(ctx, s.Bucket, key, sess.Session, size)
		return err
	}
}

// Resume finishes an upload whose session survived a crash of the
// syncer: it sends the slices from offset from on, with the client's
// retry policy.
func (s *Syncer) Resume(ctx context.Context, key, session string, r io.ReaderAt, from, size, sliceSize int64) error {
	buf := make([]byte, sliceSize)
	for offset := from; offset < size; {
		n, rerr := r.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		err := s.C.SliceData(ctx, s.Bucket, key, session, offset, buf[:n])
		if err != nil && coserr.IsRetryable(err) { // expect: reupload-retry
			s.Log.Printf("resume %s at %d: %v", key, offset, err)
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return err
		}
		offset += int64(n)
	}
	_, err := s.C.FinishSlice(ctx, s.Bucket, key, session, size)
	return err
}
