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
// 1. A plain retry of a named reupload code. In a loop that sends slices,
// or that retries a request of the sliced upload, the branch taken for a
// reupload code (an if or else-if, a case of a switch on the code, one
// operand of an || chain) only waits, logs, counts or does nothing, and
// then continues the loop, with an explicit continue or by falling
// through to the next iteration. The diagnostic is at the code in the
// condition, with the loop as related information:
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
// string ("-4026"): values are compared after constant folding. A
// function that sends one slice and sends it again by calling itself
// (return c.uploadSlice(session, offset, data, retries-1)) is a retry loop
// too, and so is a function literal given to a retry library
// (backoff.Retry, retry.Do), whose continue is the return of an error
// not marked permanent (backoff.Permanent, retry.Unrecoverable). A branch decided by a retry classifier or set (below) of this
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
// 2. A blanket retry of the slice. In a loop that resends the same slice
// in the same session (a retry counter around upload_slice_data, or a
// slice loop whose offset moves on only after success), every failure
// code goes round again, `if resp.Code != 0 { continue }`, a default case
// that waits, or a success test that leaves the loop and lets the rest
// fall through, and no earlier branch takes the reupload codes out. This
// is what the official v4 SDKs do. A success test may be a comparison, a
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
// Also silent: resetting the session or the offset, setting a flag that
// the top of the loop reads (broken = true), calling a function that
// opens a session or lists the slices (by its name, or because it, or a
// function it calls, sends upload_slice_init or upload_slice_list),
// returning or wrapping an error, break out of the loop, continue to an
// outer loop, a loop that opens a new session on every iteration (a
// retry of the whole upload). Retry-class codes (-71, -4024, -2, 503, ...)
// retried, with or without backoff. A blanket retry after a branch that
// takes the reupload codes out, or decided by a call that looks at the
// code in a way the check cannot read (isTransient(codeOf(err)),
// errors.Is(err, errSession)). A classifier that answers no for the
// reupload codes, or whose name does not say retry (needsReupload,
// isFatal, retryWithNewSession). Loops that are no upload loops: a loop
// over answers already received, over files that each get a whole
// upload, a retried stat or list. Code in _test.go files.
//
// # Which loops count
//
// A loop sends slices when it, or a function literal or loop inside it,
// names upload_slice_data (directly, or through a variable built from it,
// such as a map of form fields), calls a function that sends a slice (by
// its facts or its name: uploadSlice, sendChunk, SliceData) and opens no
// session, or mentions both a session and an offset. A loop retries a
// request when its counter, bound or label is named for attempts
// (attempt, retries, tries), or when it leaves on success or consults a
// retry classifier and does not range over a collection; such a loop
// counts if it sends something of the sliced upload or handles a
// session, or if it sends a request that could be any (a helper such as
// do(params)), but not if it sends another operation of the API (stat,
// delete, list: by op string or by the callee's name). All the loops of
// a function that sends one slice (uploadSlice, a function that names
// upload_slice_data and opens no session, or a helper that a caller hands
// a slice request to: postRetry(map[string]string{"op":
// "upload_slice_data", ...})) send slices. A branch only waits, logs or counts when it calls nothing but
// sleeps, timers, loggers, formatters and counters (or resends the slice),
// assigns nothing that holds the session's state or steps the loop, and
// may end the loop only under a condition that does not look at the code
// (a retry budget). The statements after a branch that falls through are
// followed to the end of the loop body: anything else on the way for
// that code (a call, a return, a restart) silences the report.
//
// # Facts
//
// The check exports two facts, listed in FactTypes: which operations of
// the sliced upload an exported function sends, and whether its error
// carries the failure codes (so that a loop in an importing package
// knows it sends slices, or starts over), and which
// reupload codes an exported retry classifier or set answers yes for (so
// that a retry it decides in an importing package is reported there, in
// that package's files). The classifier itself is reported in its own
// package.
//
// # Cost
//
// Each function is scanned once, and each loop body walked once, with
// sets of codes as fixed-size bitsets: the check is linear in the size of
// a function.
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
