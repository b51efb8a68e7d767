// Package evidence defines the coscodes analyzer: the evidence every
// errcodelint check stands on, of which expressions hold COS v4 response
// codes. The checks require it and read its Result; it reports nothing but
// malformed directives.
//
// # Analyzer coscodes
//
// coscodes: find the expressions that hold COS v4 response codes
//
// Precision matters more than anything: the same integers mean other
// things in other APIs (Binance uses -4000..-4024), in exit codes and in
// parsers, so errcodelint acts only on evidence, strongest first:
//
//   - a value compared with a constant of package catalog (the author said
//     so), and catalog.Code.Value;
//   - in a package that is evidently a COS v4 client (it imports the
//     catalog, builds file.myqcloud.com/files/v2/ or /files/v1/ URLs, or
//     names the op values upload_slice_init, upload_slice_data,
//     upload_slice, ...): the integer field tagged json:"code" of a struct
//     that also has a field tagged json:"message" (or "msg"), and
//     http.Response.StatusCode (an HTTP status);
//   - values flowing from those: variables assigned from them, struct
//     fields copied from them, parameters they are passed to, functions
//     and methods that return them (func (e *Error) ErrCode() int),
//     channels that carry them, strconv and json.Number conversions.
//     Fields, functions, package-level variables and named types are
//     exported as facts, so that importing packages know them too;
//   - declarations named with -sources, or marked in code with
//     //errcodelint:code (//errcodelint:code http for an HTTP status) on a
//     field, variable, function or named integer type.
//
// A code held in the JSON code field may be of any family of the catalog
// (some clients store the HTTP status there); an HTTP status is checked
// against the backend HTTP and download families.
//
// A package that nothing ties to the API (no catalog import, no op string
// or URL of the API, no fact from a package that has one, no directive or
// -sources name) is left at once, and so is every check after it.
//
// # Directives
//
// A finding of any check is silenced by a comment on its line or the line
// above, with a reason:
//
//	//errcodelint:ignore the mock server answers -4019 for a missing bucket
//
// A directive without a reason is reported (category directive) and
// silences nothing, and so is an unknown one or //errcodelint:code on
// something that cannot hold a code:
//
//	errcodelint:ignore needs a reason: //errcodelint:ignore <why this code is right>
//
// Files marked "Code generated ... DO NOT EDIT." are not reported unless
// -generated is set (their declarations still count as evidence), and the
// catalog package itself is never reported.
//
// # Flags
//
//	-generated      also report in generated files; default false
//	-sources list   comma-separated qualified names of declarations that
//	                hold codes: example.com/cos.Reply.Ret (a field),
//	                example.com/cos.Failure.Code (a method),
//	                example.com/cos.RetCode (a type), example.com/cos.LastRet
//	                (a variable); prefix http: for an HTTP status
//
// The errcodelint command also accepts them as -generated and -sources.
package evidence

import (
	_ "embed"

	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
)

//go:embed doc.go
var docSource string

var doc = manual.Doc(docSource, Name)
