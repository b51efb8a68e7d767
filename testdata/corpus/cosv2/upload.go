package cosv2

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"
)

// maxRestarts bounds how many new sessions one Put opens.
const maxRestarts = 2

// Put uploads r slice by slice. When the server says the session is
// lost, the upload starts over with a new one; a file the server already
// has is not sent again.
func (c *Client) Put(ctx context.Context, key string, r io.ReaderAt, size int64) (*Object, error) {
	for restarts := 0; ; restarts++ {
		obj, err := c.putOnce(ctx, key, r, size)
		switch {
		case err == nil:
			return obj, nil
		case codeOf(err) == codeSameFile:
			return &Object{}, nil
		case needsRestart(err) && restarts < maxRestarts:
			continue
		}
		return nil, err
	}
}

func (c *Client) putOnce(ctx context.Context, key string, r io.ReaderAt, size int64) (*Object, error) {
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return nil, err
	}
	if sess.AccessURL != "" {
		return &Object{AccessURL: sess.AccessURL}, nil
	}
	buf := make([]byte, sess.SliceSize)
	for offset := int64(0); offset < size; {
		n, rerr := r.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return nil, rerr
		}
		err := c.uploadPart(ctx, key, sess.Session, offset, buf[:n])
		if codeOf(err) == codeSignExpired {
			c.resign()
			continue
		}
		if err != nil {
			return nil, err
		}
		offset += int64(n)
	}
	return c.finishUpload(ctx, key, sess.Session, size)
}

// PutParallel uploads data with c.Workers slices in flight.
func (c *Client) PutParallel(ctx context.Context, key string, data []byte) (*Object, error) {
	size := int64(len(data))
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return nil, err
	}
	if sess.AccessURL != "" {
		return &Object{AccessURL: sess.AccessURL}, nil
	}
	jobs := make(chan int64)
	var wg sync.WaitGroup
	for range max(c.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for off := range jobs {
				end := min(off+sess.SliceSize, size)
				c.uploadPart(ctx, key, sess.Session, off, data[off:end]) // expect: unchecked-slice
			}
		}()
	}
	for off := int64(0); off < size; off += sess.SliceSize {
		jobs <- off
	}
	close(jobs)
	wg.Wait()
	return c.finishUpload(ctx, key, sess.Session, size)
}

// PutPool is PutParallel for the batch jobs: every worker reports each
// slice, and the first failure stops the upload before it is finished.
func (c *Client) PutPool(ctx context.Context, key string, data []byte) (*Object, error) {
	size := int64(len(data))
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return nil, err
	}
	if sess.AccessURL != "" {
		return &Object{AccessURL: sess.AccessURL}, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int64)
	errc := make(chan error, max(c.Workers, 1))
	var wg sync.WaitGroup
	for range max(c.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for off := range jobs {
				end := min(off+sess.SliceSize, size)
				if err := c.uploadPart(ctx, key, sess.Session, off, data[off:end]); err != nil {
					errc <- fmt.Errorf("cosv2: %s: slice at %d: %w", key, off, err)
					cancel()
					return
				}
			}
		}()
	}
feed:
	for off := int64(0); off < size; off += sess.SliceSize {
		select {
		case jobs <- off:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	close(errc)
	if err := <-errc; err != nil {
		return nil, err
	}
	return c.finishUpload(ctx, key, sess.Session, size)
}

// PutAsync uploads data with one goroutine per slice and returns when the
// file is stored.
func (c *Client) PutAsync(ctx context.Context, key string, data []byte) error {
	size := int64(len(data))
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return err
	}
	if sess.AccessURL != "" {
		return nil
	}
	var wg sync.WaitGroup
	for off := int64(0); off < size; off += sess.SliceSize {
		end := min(off+sess.SliceSize, size)
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.uploadPart(ctx, key, sess.Session, off, data[off:end]) // expect: unchecked-slice
		}()
	}
	wg.Wait()
	if _, err := c.finishUpload(ctx, key, sess.Session, size); err != nil {
		log.Printf("cosv2: finish %s: %v", key, err)
	}
	return nil // expect: swallowed-failure
}

// PutStream uploads from a reader whose length is known, slice after slice.
func (c *Client) PutStream(ctx context.Context, key string, r io.Reader, size int64) (*Object, error) {
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return nil, err
	}
	if sess.AccessURL != "" {
		return &Object{AccessURL: sess.AccessURL}, nil
	}
	buf := make([]byte, sess.SliceSize)
	var offset int64
	for offset < size {
		n, rerr := io.ReadFull(r, buf)
		if n == 0 {
			break
		}
		err = c.uploadPart(ctx, key, sess.Session, offset, buf[:n]) // expect: unchecked-slice
		offset += int64(n)
		if rerr != nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	return c.finishUpload(ctx, key, sess.Session, size)
}

// Upload is the SDK's upload, as the official SDKs do it: a slice that
// gets no answer or is rate limited is sent again, up to c.Retries times,
// after a pause; any other failure ends the upload.
func (c *Client) Upload(ctx context.Context, key string, r io.ReaderAt, size int64) error {
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return err
	}
	if sess.AccessURL != "" {
		return nil
	}
	buf := make([]byte, sess.SliceSize)
	var n int
	for offset := int64(0); offset < size; offset += int64(n) {
		var rerr error
		n, rerr = r.ReadAt(buf, offset)
		if rerr != nil && rerr != io.EOF {
			return rerr
		}
		for try := 0; ; try++ {
			err = c.uploadPart(ctx, key, sess.Session, offset, buf[:n])
			if err == nil || try == c.Retries {
				break
			}
			if code := codeOf(err); code != codeFreqControl && code != codeNetwork {
				return err
			}
			time.Sleep(time.Duration(try+1) * 200 * time.Millisecond)
		}
	}
	if _, err := c.finishUpload(ctx, key, sess.Session, size); err != nil {
		return err
	}
	return nil // expect: swallowed-failure
}

// Backup copies a database dump into the bucket every night; the job
// only logs, the monitoring reads the log.
func (c *Client) Backup(ctx context.Context, key string, dump []byte) error {
	size := int64(len(dump))
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return err
	}
	for off := int64(0); off < size; off += sess.SliceSize {
		end := min(off+sess.SliceSize, size)
		if err := c.uploadPart(ctx, key, sess.Session, off, dump[off:end]); err != nil {
			log.Printf("backup %s: slice at %d: %v", key, off, err)
		}
	}
	obj, err := c.finishUpload(ctx, key, sess.Session, size)
	if err != nil {
		return fmt.Errorf("backup %s: %w", key, err)
	}
	log.Printf("backup %s: stored at %s", key, obj.AccessURL)
	return nil // expect: swallowed-failure
}

// errIncomplete is what Archive returns when a slice failed.
var errIncomplete = errors.New("cosv2: archive incomplete")

// Archive is Backup as the archive job does it: a failed slice is logged
// and the upload stops there, unfinished.
func (c *Client) Archive(ctx context.Context, key string, blob []byte) error {
	size := int64(len(blob))
	sess, err := c.initUpload(ctx, key, size)
	if err != nil {
		return err
	}
	failed := false
	for off := int64(0); off < size; off += sess.SliceSize {
		end := min(off+sess.SliceSize, size)
		if err := c.uploadPart(ctx, key, sess.Session, off, blob[off:end]); err != nil {
			log.Printf("archive %s: slice at %d: %v", key, off, err)
			failed = true
			break
		}
	}
	if failed {
		return errIncomplete
	}
	if _, err := c.finishUpload(ctx, key, sess.Session, size); err != nil {
		return err
	}
	return nil
}

// Warm copies objects into the bucket before a release. It is best
// effort: an object that is not copied is served from the origin.
func (c *Client) Warm(ctx context.Context, objects map[string][]byte) {
	for key, data := range objects {
		c.Put(ctx, key, bytes.NewReader(data), int64(len(data)))
	}
}
