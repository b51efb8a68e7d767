package swallowedfailure

import (
	"context"
	"fmt"
	"sync"
)

// This file is the "pool" author's: workers that send slices of the svc
// client (apierr.go) and report failures through a channel or the pool's
// fields, not through their own error result.

type part struct {
	key, sid string
	off      int64
	data     []byte
}

type pool struct {
	s    *svc
	errc chan error

	mu      sync.Mutex
	lastErr error
	failed  map[string]int64 // key -> first refused offset
}

// Silent: a refused part is sent on the pool's error channel (recorded
// outside the function) before the worker returns nil to its errgroup.
func (p *pool) worker(ctx context.Context, parts <-chan part) error {
	for pt := range parts {
		if err := p.s.sendPart(ctx, pt.key, pt.sid, pt.off, pt.data); err != nil {
			p.errc <- fmt.Errorf("%s at %d: %w", pt.key, pt.off, err)
			return nil
		}
	}
	return nil
}

// Silent: a refused part is stored in the pool's field for Wait to
// return; the worker itself reports nil.
func (p *pool) workerStoring(ctx context.Context, parts <-chan part) error {
	for pt := range parts {
		if err := p.s.sendPart(ctx, pt.key, pt.sid, pt.off, pt.data); err != nil {
			p.mu.Lock()
			p.lastErr = err
			p.mu.Unlock()
			return nil
		}
	}
	return nil
}

// Wait returns the first failure a worker stored.
func (p *pool) Wait() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.lastErr
}

// Silent: no error and no bool result: the failures go into a map the
// caller reads.
func (p *pool) sweep(ctx context.Context, parts []part) {
	for _, pt := range parts {
		if err := p.s.sendPart(ctx, pt.key, pt.sid, pt.off, pt.data); err != nil {
			p.mu.Lock()
			if _, seen := p.failed[pt.key]; !seen {
				p.failed[pt.key] = pt.off
			}
			p.mu.Unlock()
		}
	}
}
