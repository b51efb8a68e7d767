// Package backoff stands in for github.com/cenkalti/backoff: Retry calls
// its operation again while it returns an error not marked Permanent.
package backoff

import "time"

// BackOff says how long to wait before the next attempt.
type BackOff interface{ NextBackOff() time.Duration }

// Retry calls op until it returns nil or a permanent error.
func Retry(op func() error, b BackOff) error { return op() }

// Permanent marks an error that must not be retried.
func Permanent(err error) error { return err }
