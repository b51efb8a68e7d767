// Package upload defines the cosupload analyzer: what a package does in
// the COS v4 sliced upload, for the checks that judge it.
//
// # Analyzer cosupload
//
// cosupload: find the slice sends, restarts and code tests of the sliced upload
//
// The analyzer reports nothing. It reads, for every function of a package
// that evidently talks to the API (see package evidence), which calls send
// a slice into an existing session, which start the upload over, what the
// slices are built from, and what the conditions on the way say about the
// response code; it hands that to the checks (package reupload) as a
// Model, and to importing packages as facts.
//
// # Slice sends
//
// A call sends a slice when data flow says so, and only then by names:
//
//   - it sends a request (a standard HTTP send, a function of the package
//     or of another package that does, by its facts, or a call the
//     analysis cannot see into, given a request) built from the op string
//     upload_slice_data, or from files/v1's one op string upload_slice
//     with a session field: the request may be a form map, url.Values, a
//     multipart writer, a struct with form tags or a query string, built
//     in the function or in a helper that knows nothing of slices
//     (do(method, path, body));
//   - it calls a function that sends slices and opens no session: by what
//     that function sends, because callers hand it slice requests, or,
//     when nothing else is known of it, because its name says so
//     (uploadSlice, sendChunk);
//   - it calls a function literal that does (send := func() ...).
//
// A call starts the upload over when it sends upload_slice_init or
// upload_slice_list (or files/v1's opener: upload_slice with the file's
// size or SHA and no session), calls a function that does, or, when
// nothing else is known, is named for it (initUpload, restartUpload).
//
// # Same slice, same session
//
// What a send is built from is followed back through the function's
// assignments: the session, the position, the content, the request. On
// a path back to a send, assigning one of those a new value moves to
// another slice or another session: a constant that resets it (session =
// "", pos = 0), a value computed from itself (offset += n), a value read
// from state (a stateful call, the next element of a range loop, a
// receive), the offset read from a reply (offset = resp.Data.Offset: the
// server says where to go on, which is a resume, not a resend; the
// session is the same, so a named reupload code is still reported).
// Rebuilding the request from the same values (the form map built again,
// the multipart body written again) changes nothing, and neither does
// the session read back from a slice reply (sid = resp.Data.Session):
// every slice reply echoes the session it was sent in.
//
// A position (an integer the sends are built from) also moves on when it
// is given a copy of another variable (offset = next, offset =
// int64(end), c.at = c.next) that holds a value computed from its current
// one: next := offset + n, end := min(offset+n, size). That depends on
// the path, so it is decided on the graph, by a forward dataflow of how
// the integers the position is computed from stand to its current value:
// a copy of it (at := offset), a value computed from it (moved), a value
// from before its last assignment (stale), or a value from neither
// (len(data)). The copy moves the position when the variable is moved on
// some path, and on no path the same or stale. So after a continue that
// skipped offset = next, the next := offset + n at the top of the loop
// computes the same next again (stale: no move), and offset = acked where
// acked = end; offset = acked came before is the same slice. The flow
// follows at most 64 variables for at most 8 positions of a function;
// beyond that a copy is taken for a rebuild. A flag or state that a
// condition reads, set to a constant (broken = true), is how a loop
// starts itself over.
//
// # Facts
//
// An exported function that sends operations of the sliced upload gets a
// fact: the operations, which parameters its request is built from, and
// whether its error result carries the failure codes. An exported retry
// classifier or set that answers yes for reupload codes gets a fact with
// those codes.
package upload

import _ "embed"

//go:embed doc.go
var docSource string
