// Package retry stands in for github.com/avast/retry-go: Do calls its
// function again while it returns an error not marked Unrecoverable.
package retry

// Option configures Do.
type Option func()

// Do calls f until it returns nil or an unrecoverable error.
func Do(f func() error, opts ...Option) error { return f() }

// Unrecoverable marks an error that must not be retried.
func Unrecoverable(err error) error { return err }
