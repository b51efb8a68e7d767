// Package analyzer defines errcodelint, an analyzer that checks the
// response codes of the Tencent Cloud COS v4 JSON API in Go code.
//
// # Analyzer errcodelint
//
// errcodelint: check COS v4 response codes for magic and unknown values
//
// Code that talks to the COS v4 JSON API (and the image service on the
// same stack) branches on integer response codes. errcodelint finds the
// expressions that hold such codes and checks every constant compared with
// them, in ==, != and switch cases, in either operand order, through
// parentheses and constant folding (-4019, (-4019), -(4019), int32(-4019)).
//
// # Which expressions hold response codes
//
// Precision matters more than anything: the same integers mean other
// things in other APIs (Binance uses -4000..-4024), in exit codes and in
// parsers, so errcodelint acts only on evidence, strongest first:
//
//   - a value compared with a constant of package catalog (the author said
//     so), and catalog.Code.Value;
//   - in a package that is evidently a COS v4 client (it imports the
//     catalog, builds file.myqcloud.com/files/v2/ or /files/v1/ URLs, or
//     names the op values upload_slice_init, upload_slice_data, ...): the
//     integer field tagged json:"code" of a struct that also has a field
//     tagged json:"message" (or "msg"), and http.Response.StatusCode (an
//     HTTP status);
//   - values flowing from those: variables assigned from them, struct
//     fields copied from them, parameters they are passed to, functions
//     and methods that return them (func (e *Error) ErrCode() int). Fields,
//     functions and package-level variables are exported as facts, so that
//     importing packages know them too;
//   - declarations named with -sources, or marked in code with
//     //errcodelint:code (//errcodelint:code http for an HTTP status) on a
//     field, variable, function or named integer type.
//
// A code held in the JSON code field may be of any family of the catalog
// (some clients store the HTTP status there); an HTTP status is checked
// against the backend HTTP and download families.
//
// # Checks
//
// Category magic-code: a literal that is a known code. The message names
// the code, and a suggested fix replaces the literal with the catalog's
// constant (net/http's for standard HTTP statuses), adding the import where
// it is missing, under an alias when the name is taken:
//
//	if resp.Code == -4019 {
//	    -4019 is catalog.ErrOffsetToZero (入库失败，请重新上传: storing failed, upload again)
//	if hresp.StatusCode == 404 {
//	    404 is http.StatusNotFound (文件不存在: the file does not exist)
//
// 0 (success) is not reported unless -include-zero is set. A value the code
// list gives two meanings (-61) is reported with both and no fix.
//
// Category unknown-code: a constant, literal or named, that is not a code
// of the expression's kind, with a guess where one is plausible (the other
// sign, two digits swapped, a digit added, dropped or wrong) but no fix:
//
//	case 4019:
//	    4019 is not a COS v4 response code: did you mean -4019 (catalog.ErrOffsetToZero)
//
// Standard HTTP statuses the code list does not name (502 from a proxy)
// are not reported.
//
// Category reupload-retry: a code of the catalog's reupload class handled
// as a plain retry; see package reupload.
//
// Category directive: a malformed //errcodelint: comment.
//
// # Flags
//
//	-include-zero   also report the literal 0 (success); default false
//	-generated      also check generated files; default false
//	-sources list   comma-separated qualified names of declarations that
//	                hold codes: example.com/cos.Reply.Ret (a field),
//	                example.com/cos.Failure.Code (a method),
//	                example.com/cos.RetCode (a type), example.com/cos.LastRet
//	                (a variable); prefix http: for an HTTP status
//
// Under go vet, spell them -errcodelint.include-zero and so on.
//
// # Suppression
//
// A finding is silenced by a comment on its line or the line above:
//
//	//errcodelint:ignore the mock server answers -4019 for a missing bucket
//
// The reason is required; a directive without one is reported and silences
// nothing. Files marked "Code generated ... DO NOT EDIT." are not reported
// (their declarations still count as evidence), and the catalog package
// itself is never reported.
package analyzer

import (
	_ "embed"
	"strings"
)

//go:embed doc.go
var docSource string

// doc is the Analyzer's Doc: the package documentation from the summary
// line on, so that `errcodelint -h` prints the manual. It is cut from the
// comment's text directly (no parser): go vet starts the tool once per
// package, and each start pays for what runs here.
var doc = func() string {
	var b strings.Builder
	for line := range strings.Lines(docSource) {
		if strings.HasPrefix(line, "package ") {
			break
		}
		text := strings.TrimPrefix(line, "//")
		text = strings.TrimPrefix(text, " ")
		b.WriteString(text)
	}
	_, manual, ok := strings.Cut(b.String(), "errcodelint: ")
	if !ok {
		panic("doc.go lacks the \"errcodelint: summary\" line")
	}
	return manual
}()
