package reupload

import (
	"fmt"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

// opsFact marks a function that sends operations of the sliced upload, so
// that a loop in another package that calls it is known to send slices (or
// to start over when it calls one that opens a session).
type opsFact struct {
	Ops cosapi.OpSet
	// CodeErrors says that the function's error result carries the
	// failure codes: err != nil tests the code.
	CodeErrors bool
}

func (*opsFact) AFact() {}

func (f *opsFact) String() string { return "sends " + f.Ops.String() }

// retryClassifierFact marks a function or variable whose name says retry
// (isRetryable, RetryCodes) and that answers yes for reupload codes, so
// that a retry it decides in another package is reported there.
type retryClassifierFact struct {
	Codes []int // the reupload codes it answers yes for, in the catalog's order of magnitude
}

func (*retryClassifierFact) AFact() {}

func (f *retryClassifierFact) String() string {
	return fmt.Sprintf("retries reupload codes %v", f.Codes)
}
