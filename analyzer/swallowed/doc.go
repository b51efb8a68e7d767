// Package swallowed defines the swallowedfailure analyzer: a failure of a
// COS v4 upload that the function reports to its caller as a success
// (category swallowed-failure).
//
// # Analyzer swallowedfailure
//
// swallowedfailure: report upload failures reported as success
//
// # The bug
//
// A sliced upload fails in many ways: a slice is refused (its code is not
// 0), the session breaks, the network fails, the retries of a slice run
// out. A function that, after such a failure, returns a nil error (or
// true, or the file's address with a nil error) tells its caller the file
// is stored when it is not. The official SDKs do it when a slice's
// retries run out: the loop moves on to the next slice, and the upload
// "succeeds" with a hole in the file.
//
// # What is reported
//
// A return that reports success, when on some path to it from a failure
// of the upload nothing answered the failure. The diagnostic is at the
// return, with the failure as related information, and has no suggested
// fix:
//
//	for offset := 0; offset < len(data); offset += sliceSize {
//		for try := 0; try < 3; try++ {
//			resp, err = c.sendSlice(ctx, session, offset, data[offset:end])
//			if err == nil && resp.Code == 0 {
//				break
//			}
//		}
//	}
//	return nil
//
//	upload failure reported as success: on some path from a failure of the
//	upload this return tells the caller the upload worked, and the file is
//	lost: return the failure
//
// A failure is the edge a condition on a request's reply takes for a
// code that is neither success nor "done" (-4018 already uploaded, -177
// exists, -178, -176), or for an error of the request. An edge that
// success (0) takes is no failure's, unless a failure on the way takes it
// with failure codes too (`if err == nil || try == max { break }`: the
// retries ran out); an edge that leaves the code untested (the else of
// `if err != nil`, for an error that carries no code) is none either.
// A reply whose code no condition of the function reads at all (`_ =
// json.Unmarshal(out, &q); return q.Data.Session, nil`), or that is
// thrown away (`_, _, err = k.call(finish); return err`), fails where it
// is received: its failure codes are pending from the request on. A call
// given a whole reply (err := check(resp)) answers it again and sends
// nothing: the reply goes on through it. The requests are those of the
// upload (slices, upload_slice_init, _finish, _list, and the requests of
// a helper that may be any of them), found by data flow as for the
// reupload-retry check (package upload). Only functions that take a step
// the protocol names (they send a slice, open, list or finish a session,
// themselves or through their callees) are checked: a function whose
// requests are all of unknown operations may talk to another API.
//
// A return reports success when the function has an error result and
// returns nil in it, or has a bool result and returns true (with a nil
// error, if it has one too), and returns nothing that carries the reply
// to the caller: returning the reply (resp, nil) or its code leaves the
// caller to test it. Only the last reply counts, the one that may hold
// the failure: `return last, nil`, with last an earlier slice's reply
// that succeeded, tells the caller nothing (which variables may hold the
// last reply is a dataflow of its own, followed along the failure's
// paths). An error text in another result (return "upload failed: " +
// resp.Message, nil) carries nothing: the error is nil. Nor does the
// request's own error where it carries no code and the failure was a
// code (`return "The net is disconnected!!!", err` after a refused
// slice): err is nil there.
//
// # Which paths count
//
// The check decides on the function's control-flow graph. Each condition
// is read twice: for a request that was answered (its code is what the
// condition says, an error that carries no code is nil) and for a
// request that failed on the way (its errors are non-nil, its code is not
// known). So `if err == nil && resp.Code == 0 { break }` fails for every
// non-zero code and every error, and a later `if err != nil { return err
// }` and `if resp.Code != 0 { return ... }` leave no failure to swallow.
// A failure on the way carries no code of the API: `case -4018:` and
// errors.As(err, &apiErr) (to a type with a code) are not taken for it.
//
// On the way from the failure, the path ends without a report when
//
//   - the same slice goes out again (a retry: its new reply is tested, or
//     not, anew), or the upload starts over (upload_slice_init, _list, a
//     new session);
//   - the failure is returned (a non-nil error, a false flag) or recorded:
//     a value computed from the reply is kept in a field, a global, a
//     channel, an element or a variable the function returns as its error
//     or flag (not the error of another call: out, err :=
//     io.ReadAll(resp.Body) records nothing); a constant is stored in a
//     field or a global; a counter beyond the function is counted up
//     (failed++ in a function literal, u.failures++); a method that
//     writes its receiver's state is called (u.fail(err));
//   - a flag or counter set on the way is compared with its zero value
//     (failed = true ... if failed { return errFailed }; n++ ... if n > 0);
//   - a condition decides on the reply in a way the check cannot read
//     (errors.Is(err, errExists), isNotFound(err), or any test of a reply
//     that carries no code, such as the address push(...) returns): the
//     author chose.
//
// A loop's condition that held when the round began, and whose local
// variables nothing has changed since, still holds: a loop that resends
// the failed slice in place (for offset < size { ...; continue }) is not
// left through its condition after the failure.
//
// Moving on to the next slice (offset += n, the next element of a range
// loop) does not end the path: the failure is left behind, and the
// conditions after that, which test later replies, do not take it out.
// A printf-style log line (log.Printf, a logger's Errorf) records
// nothing.
//
// # After: what is not reported
//
//	for offset := 0; offset < len(data); offset += sliceSize {
//		for try := 0; try < 3; try++ {
//			resp, err = c.sendSlice(ctx, session, offset, data[offset:end])
//			if err == nil && resp.Code == 0 {
//				break
//			}
//		}
//		if err != nil {
//			return err
//		}
//		if resp.Code != 0 {
//			return fmt.Errorf("slice at %d: code %d: %s", offset, resp.Code, resp.Message)
//		}
//	}
//	return nil
//
// Also silent: returning nil for a "done" code (the file is there),
// functions with no error and no bool result (they cannot tell), code in
// _test.go files, and packages that do not talk to COS.
//
// # Cost
//
// Three forward dataflows per function that sends upload requests (the
// last reply's outcomes, the variables that may hold it, the failures),
// over its graph in reverse postorder, with sets of codes and variables
// as fixed-size bitsets: linear in the size of the function.
//
// # Suppressing
//
// A line, or the line above it, with //errcodelint:ignore and a reason
// silences the finding (package evidence).
package swallowed

import (
	_ "embed"

	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
)

//go:embed doc.go
var docSource string

var doc = manual.Doc(docSource, Name)
