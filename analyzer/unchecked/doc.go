// Package unchecked defines the uncheckedslice analyzer: a slice of a COS
// v4 sliced upload whose reply is never tested before the next slice goes
// out (category unchecked-slice).
//
// # Analyzer uncheckedslice
//
// uncheckedslice: report slice sends whose reply is never tested
//
// # The bug
//
// A sliced upload sends the file slice by slice (upload_slice_data, or
// files/v1's upload_slice with a session and an offset), then closes the
// session (upload_slice_finish; files/v1 answers the last slice with the
// file's address). When a slice's reply is never looked at, a slice the
// server refused (an expired signature, a broken session, a network
// error) leaves a hole in the file, and the upload goes on, finishes and
// reports success: the file is lost, and nobody knows.
//
// # What is reported
//
// A call that sends a slice, when on some path from it the next slice send
// (the same call in the next round of the loop, or another one) or the
// upload_slice_finish send is reached and nothing on the way looked at the
// reply. The diagnostic is at the send, with the send that overtakes it as
// related information, and has no suggested fix:
//
//	for offset := int64(0); offset < size; offset += sliceSize {
//		c.sendSlice(ctx, session, offset, data[offset:end])
//	}
//	return c.finish(ctx, session)
//
//	slice sent without testing its reply: the next slice goes out whatever
//	this one answered, and a failed slice leaves a hole in the file: test
//	its code or error first
//
// What the call sends is decided by data flow, as for the reupload-retry
// check (package upload): the op string and form fields that reach the
// request, a helper that sends slices, or the requests callers hand it.
//
// # What counts as looking at the reply
//
// The reply is the call's results (the reply and the error), the
// variable it decodes into (a pointer handed to a parameter of interface
// type: c.post(form, &resp)), and every local variable computed from them
// (code := resp.Code, ok := resp.Code == 0). A buffer made to a size the
// reply gave holds none of it, and a variable the path assigns anew (n,
// err := file.ReadAt(...) reusing the send's err) no longer holds it
// there. A node of the path looks at the reply when it
//
//   - tests it: a condition of an if, a for or a switch reads it (either
//     the error or the code is enough);
//   - returns it, or the call itself is returned or tested (return
//     c.sendSlice(...), if c.sendSlice(...) != nil);
//   - keeps it: stores it in a field, a global, an element or a channel,
//     or accumulates it (errs = append(errs, err));
//   - hands it to a function of the program or of another module
//     (c.check(resp, err)) that may test it. A printf-style function (a
//     final ...any parameter: log.Printf, fmt.Println, a logger's
//     Errorf) is not looking: a line in a log stops no upload; nor is a
//     request built from it (the session read back from the reply and
//     sent with the next slice).
//
// A reply that carries a code (a type with a code field, or an error that
// carries codes) but whose code no condition of the function reads, or
// is thrown away (_, err := c.sendSlice(...)), is not
// looked at by a test of something else: testing the transport's error
// and the reply's address (`if len(r.Data.URL) > 0`) leaves a refused
// slice unseen. Only the branch an error test takes when the request
// failed on the way (`if err != nil { ... }`) has nothing more to test.
//
// A function literal with no results that sends a slice (go func() {
// c.sendSlice(...) }()) and ends without looking at the reply loses it:
// reported with the end of the literal as related information.
//
// # After: what is not reported
//
//	for offset := int64(0); offset < size; offset += sliceSize {
//		resp, err := c.sendSlice(ctx, session, offset, data[offset:end])
//		if err != nil {
//			return err
//		}
//		if resp.Code != 0 {
//			return fmt.Errorf("slice at %d: %d %s", offset, resp.Code, resp.Message)
//		}
//	}
//
// Also silent: a send that no other send follows (the check is about a
// slice overtaken by the next one; what a function returns after the last
// reply is the swallowedfailure check's, package swallowed), sends in
// _test.go files, and sends in packages that do not talk to COS.
//
// # Cost
//
// One search per slice send over the function's graph, which stops at the
// first node that looks at the reply or sends.
//
// # Suppressing
//
// A line, or the line above it, with //errcodelint:ignore and a reason
// silences the finding (package evidence).
package unchecked

import (
	_ "embed"

	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
)

//go:embed doc.go
var docSource string

var doc = manual.Doc(docSource, Name)
