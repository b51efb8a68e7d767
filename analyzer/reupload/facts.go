package reupload

import (
	"fmt"
	"strings"
)

// opSet says which operations of the sliced upload a function sends,
// itself or through the functions it calls.
type opSet uint8

const (
	opInit   opSet = 1 << iota // upload_slice_init: opens a session
	opData                     // upload_slice_data: sends one slice
	opList                     // upload_slice_list: lists the slices received, to resume
	opFinish                   // upload_slice_finish: closes the session
	// opOther: another operation of the API (stat, delete, list, ...).
	// Known within a package only: the facts carry the upload's.
	opOther
)

// otherOps are the operations of the API that are no part of a sliced
// upload, as op strings spell them.
var otherOps = map[string]bool{
	"stat": true, "delete": true, "create": true, "list": true, "update": true,
	"move": true, "copy": true, "upload": true, "download": true,
}

var opNames = [...]struct {
	op   opSet
	name string
}{
	{opInit, "upload_slice_init"},
	{opData, "upload_slice_data"},
	{opList, "upload_slice_list"},
	{opFinish, "upload_slice_finish"},
}

// opsIn returns the operations a string constant names ("upload_slice_data",
// "...?op=upload_slice_init").
func opsIn(s string) opSet {
	var ops opSet
	if !strings.Contains(s, "upload_slice_") {
		if otherOps[s] {
			return opOther
		}
		return 0
	}
	for _, o := range opNames {
		if strings.Contains(s, o.name) {
			ops |= o.op
		}
	}
	return ops
}

// restarts reports whether calling a function with these operations opens
// a new session or resumes one.
func (ops opSet) restarts() bool { return ops&(opInit|opList) != 0 }

// sendsSlice reports whether a function with these operations sends a
// slice into an existing session (and does not open one).
func (ops opSet) sendsSlice() bool { return ops&opData != 0 && !ops.restarts() }

// upload returns the operations of the sliced upload among ops.
func (ops opSet) upload() opSet { return ops &^ opOther }

func (ops opSet) String() string {
	var names []string
	for _, o := range opNames {
		if ops&o.op != 0 {
			names = append(names, o.name)
		}
	}
	return strings.Join(names, ",")
}

// opsFact marks a function that sends operations of the sliced upload, so
// that a loop in another package that calls it is known to send slices (or
// to start over when it calls one that opens a session).
type opsFact struct {
	Ops opSet
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
