// Package cosapi holds what errcodelint knows of the COS v4 API beyond the
// code list (package catalog): the op strings of the sliced upload, the
// strings that mark a client of the API, the envelope's JSON fields, and
// how a code is named in a message.
package cosapi

import "strings"

// An OpSet says which operations of the sliced upload something sends.
type OpSet uint8

const (
	OpInit   OpSet = 1 << iota // upload_slice_init: opens a session
	OpData                     // upload_slice_data: sends one slice
	OpList                     // upload_slice_list: lists the slices received, to resume
	OpFinish                   // upload_slice_finish: closes the session
	// OpOther is another operation of the API (stat, delete, list, ...).
	OpOther
)

// opNames spells the operations of the sliced upload as the v2 API's op
// strings do.
var opNames = [...]struct {
	op   OpSet
	name string
}{
	{OpInit, "upload_slice_init"},
	{OpData, "upload_slice_data"},
	{OpList, "upload_slice_list"},
	{OpFinish, "upload_slice_finish"},
}

// V1SliceOp is the files/v1 API's one op string for every step of a sliced
// upload; which step a request is depends on its fields.
const V1SliceOp = "upload_slice"

// otherOps are the operations of the API that are no part of a sliced
// upload, as op strings spell them.
var otherOps = map[string]bool{
	"stat": true, "delete": true, "create": true, "list": true, "update": true,
	"move": true, "copy": true, "upload": true, "download": true,
}

// OpsIn returns the operations a string names: "upload_slice_data",
// "...?op=upload_slice_init", "stat".
func OpsIn(s string) OpSet {
	if !strings.Contains(s, "upload_slice_") {
		if otherOps[s] {
			return OpOther
		}
		return 0
	}
	var ops OpSet
	for _, o := range opNames {
		if strings.Contains(s, o.name) {
			ops |= o.op
		}
	}
	return ops
}

// IsSliceOp reports whether s is an op value of the sliced upload, of
// either API generation; no other API uses these.
func IsSliceOp(s string) bool {
	if s == V1SliceOp {
		return true
	}
	for _, o := range opNames {
		if s == o.name {
			return true
		}
	}
	return false
}

// Restarts reports whether sending these operations opens a new session or
// resumes one.
func (ops OpSet) Restarts() bool { return ops&(OpInit|OpList) != 0 }

// SendsSlice reports whether something with these operations sends a
// slice into an existing session (and opens none).
func (ops OpSet) SendsSlice() bool { return ops&OpData != 0 && !ops.Restarts() }

// Upload returns the operations of the sliced upload among ops.
func (ops OpSet) Upload() OpSet { return ops &^ OpOther }

func (ops OpSet) String() string {
	var names []string
	for _, o := range opNames {
		if ops&o.op != 0 {
			names = append(names, o.name)
		}
	}
	return strings.Join(names, ",")
}
