// Package reupload defines the reuploadretry analyzer: a code of the
// catalog's reupload class handled as if resending the same request could
// succeed (category reupload-retry).
//
// # Analyzer reuploadretry
//
// reuploadretry: report upload-session codes handled as plain retries
//
// # The bug
//
// A sliced upload of the COS v4 JSON API opens a session with
// upload_slice_init, sends each slice with upload_slice_data (session,
// offset, filecontent) and closes it with upload_slice_finish. When the
// session breaks (the server lost its index, the SHA no longer matches,
// the offset went back to zero, the session is invalid) the server answers
// with a code of the reupload class: -4019, -4026 and -4027 ("请重新上传",
// upload again), the invalid or undecodable sessions (-94, -95, -290,
// -4013, -4021, -5983, ...) and the SHA or size mismatches inside a session
// (-174, -175, -4016, -5984, ...). Resending the slice can never succeed:
// the upload burns its retry budget and fails, or reports a success it did
// not have. The only correct handling is to start over with a new
// upload_slice_init, or to resume from what upload_slice_list reports.
// The check takes the class from the catalog (catalog.ActionReupload),
// not from a list of its own.
//
// # What is reported
//
// Every diagnostic has the category "reupload-retry" and no suggested fix:
// restarting an upload is a design change.
//
// 1. A plain retry of a named reupload code. The branch taken for a
// reupload code (an if or else-if, a case of a switch on the code, one
// operand of an || chain) leads, on some path, back to a slice send in the
// same session: it waits, logs, counts or does nothing, and the loop (or
// the goto, the retry library, the function calling itself) goes round.
// The diagnostic is at the code in the condition, with the loop as
// related information:
//
//	for offset := int64(0); offset < size; {
//		resp, err := c.SendSlice(session, offset, buf)
//		...
//		if resp.Code == -4026 {
//			time.Sleep(time.Second)
//			continue
//		}
//
//	reupload code -4026 (catalog.ErrOffsetBackTooMuch: the index was
//	deleted or the SHA differs, upload again) handled as a plain retry in
//	the same upload session: start a new upload with upload_slice_init or
//	resume via upload_slice_list
//
// The code may be a literal, a folded one (-(4026)), a catalog constant, a
// local constant, or a string constant for a code field declared as a
// string ("-4026"): values are compared after constant folding. The code
// may also come through an error that carries it (errors.As(err, &ce) &&
// ce.Code() == -4019). A branch decided by a retry classifier or set (below) of this
// package or another one (isRetryable(code), retryCodes[code], the ok of
// `_, ok := retryCodes[code]`, slices.Contains(retryCodes, code),
// err.Temporary()) counts as naming the codes that classifier answers yes
// for; the diagnostic is then at the call or the index expression:
//
//	coserr.IsRetryable answers yes for reupload codes -4019
//	(catalog.ErrOffsetToZero: storing failed, upload again) and -4026
//	(...), so this retry resends in a broken upload session: handle them
//	first and start a new upload with upload_slice_init or resume via
//	upload_slice_list
//
// 2. A blanket retry of the slice. The edge a condition takes for every
// failure code (`if resp.Code != 0 { continue }`, a default case that
// waits, the false edge of a success test that leaves the loop) leads back
// to the same slice, in the same session, for every reupload code: no
// earlier branch took them out, and nothing on the way moved on. This is
// what the official v4 SDKs do. A success test may be a comparison, a
// function of the package that makes one (resp.OK(), succeeded(code)), or
// a function or method named for success on a code or on a struct with a
// json:"code" field (code.OK(), cos.IsSuccess(code), resp.OK() of another
// package). When the slice sender returns the failure code as its only
// result, an error (a non-nil error under a test that leaves out 0, or
// one built from the code), err != nil and err == nil test the code too.
// The diagnostic is at the comparison (or the default clause):
//
//	for try := 0; try < 3; try++ {
//		resp, err = c.SendSlice(session, offset, buf)
//		if err == nil && resp.Code == 0 {
//			break
//		}
//		time.Sleep(time.Second)
//	}
//
//	slice resent in the same upload session on every failure code,
//	including reupload codes such as -4019 (catalog.ErrOffsetToZero:
//	storing failed, upload again): handle those first and start a new
//	upload with upload_slice_init or resume via upload_slice_list
//
// 3. A retry classifier or set that says yes to a reupload code. A
// function that answers a bool and whose name says retry (isRetryable,
// shouldRetry, retriable, canRetry, Temporary, isTransient; not
// nonRetryable or noRetry) and that returns true, or a condition that
// holds, for a reupload code; or that answers yes for every failure code.
// A map or slice literal bound to a variable or struct field whose name
// says retry (retryableCodes, RetryCodes) and that lists a reupload code
// (a map entry whose value is false says no). The diagnostic is at the
// code:
//
//	func IsRetryable(code int) bool {
//		switch code {
//		case -71, -4019:
//
//	IsRetryable answers yes for reupload code -4019
//	(catalog.ErrOffsetToZero: storing failed, upload again), but resending
//	cannot succeed: answer no and start a new upload with
//	upload_slice_init or resume via upload_slice_list
//
// In a package that talks to COS (it imports the catalog, or spells an op
// string or a files/v2 URL), the integer parameters of a classifier count
// as codes; elsewhere only a catalog constant in a set, or an expression
// the main analyzer knows holds a code, does.
//
// # After: what is not reported
//
// A branch for a reupload code that starts over is correct, and so is
// one that leaves the retry to a caller that starts over:
//
//	if resp.Code == catalog.ErrOffsetToZero {
//		init, err = c.InitUpload(path, size) // a new session ...
//		if err != nil {
//			return err
//		}
//		session, offset = init.Data.Session, 0 // ... from the first slice
//		continue
//	}
//
// Also silent, because no path goes back to a send in the same session:
// resetting the session (session = "" that the top of the loop reads to
// open a new one), setting a flag or state the loop decides on (broken =
// true, u.next = stepInit), calling a function that opens a session or
// lists the slices (because it, or a function it calls, sends
// upload_slice_init or upload_slice_list, or files/v1's opener; by its
// name when nothing else is known of it), returning or wrapping an error,
// breaking to code that returns, a loop over files that each get a whole
// upload. For a blanket retry also: moving the offset past the slice
// before the retry (the lost slice is another bug), directly (offset +=
// n) or through another variable (next := offset + n; ...; offset =
// next), a loop over the slices whose next element is the next slice. Retry-class codes (-71,
// -4024, -2, 503, ...) retried, with or without backoff. A blanket retry
// after a branch that takes the reupload codes out, or decided by a call
// that looks at the code in a way the check cannot read. A classifier
// that answers no for the reupload codes, or whose name does not say retry
// (needsReupload, isFatal, retryWithNewSession). Retries of requests that
// are no slice (a stat, upload_slice_init or _finish). Code in _test.go
// files.
//
// # Which paths count
//
// The check decides on the function's control-flow graph, not on the
// shape of its loops (package upload finds the sends; see its manual for
// what a slice send, a restart and a new value are):
//
//   - a condition's edge retries the codes it admits that reach it from a
//     slice send (the codes of that send's reply, as earlier conditions on
//     the way leave them) and for which some path from the edge reaches a
//     send again, every condition on that path admitting the code;
//   - for a named reupload code (forms 1 and 3), the path must not start
//     the upload over: no session opener or listing, no new session (a
//     constant, a value from an opener, a stateful call), no flag or state
//     that a condition reads set to a constant. Moving on to the next
//     slice does not help: it goes into the broken session too. A send
//     that may carry a slice (a request helper's parameters sent on)
//     counts as one;
//   - for a blanket retry (form 2), the path must send the same slice
//     again: besides restarting, moving the position on ends it: offset
//     += n; offset = next where next holds a value computed from the
//     current position (next := offset + n before it on the path; after
//     a continue that skipped offset = next, the top of the loop computes
//     the same next again, and a copy of the position is the position);
//     the offset a reply reads out (the server says where to go on); the
//     next element of a range loop over the slices; a call of itself for
//     the next offset. Every reupload code must reach the edge
//     and resend from it: a branch that took some out, or a decision the
//     check cannot read (isTransient(codeOf(err)), errors.Is(err,
//     errSession)), leaves the rest to the author.
//
// A path goes round a for loop, a goto, a labelled continue out of a
// select, a function literal called in a loop (send := func() ...), a
// function that calls itself with the same session and position, and a
// function literal given to a retry library, whose return of an error not
// marked permanent starts it over. One blanket report is made per loop
// (the first edge in source order), none in a loop with a plain one.
//
// # Facts
//
// The facts live with package upload's analyzer: which operations an
// exported function sends (and which parameters its request and session
// are built from, and whether its error carries the codes), and which
// reupload codes an exported retry classifier or set answers yes for, so
// that a retry it decides in an importing package is reported there. The
// classifier itself is reported in its own package.
//
// # Cost
//
// Four dataflows per function that sends slices, over its graph in
// reverse postorder, with sets of codes as fixed-size bitsets: linear in
// the size of the function (BenchmarkFunctionSize).
//
// # Suppressing
//
// A line, or the line above it, with //errcodelint:ignore and a reason
// silences the finding (package evidence).
package reupload

import (
	_ "embed"

	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
)

//go:embed doc.go
var docSource string

var doc = manual.Doc(docSource, Name)
