package upload

import (
	"fmt"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

// funcFact is what an exported function does in the sliced upload, for
// the packages that call it: which operations it sends, whether it sends
// requests at all (or answers as if it did), which of its parameters the
// request it sends is built from, and whether its error result carries the
// failure codes.
type funcFact struct {
	Ops cosapi.OpSet
	// Transmits says that the function sends a request, or answers with
	// the API's envelope or an error carrying its codes.
	Transmits bool
	// ReqParams has bit i set when parameter i flows into the request the
	// function sends: at a call, those arguments are the slice's session,
	// position and content.
	ReqParams uint64
	// SessionParams has bit i set when parameter i flows into the
	// request's session field.
	SessionParams uint64
	// CodeErrors says that the function's error result carries the
	// failure codes: err != nil tests the code.
	CodeErrors bool
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	if f.Ops != 0 {
		parts = append(parts, "sends "+f.Ops.String())
	}
	return strings.Join(parts, "; ")
}

// classifierFact marks a function or variable whose name says retry
// (isRetryable, RetryCodes) and that answers yes for reupload codes, so
// that a retry it decides in another package is reported there.
type classifierFact struct {
	Codes []int // the reupload codes it answers yes for, in the catalog's order of magnitude
}

func (*classifierFact) AFact() {}

func (f *classifierFact) String() string {
	return fmt.Sprintf("retries reupload codes %v", f.Codes)
}
