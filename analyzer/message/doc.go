// Package message defines the messagecompared analyzer: the message of a
// COS v4 reply compared where its code says the same (category
// message-compared).
//
// # Analyzer messagecompared
//
// messagecompared: report reply messages compared instead of codes
//
// # The bug
//
// Every reply of the JSON API carries a code and a message:
// {"code": -177, "message": "文件已存在"}. Code that tests the message
// (resp.Message == "文件已存在", strings.Contains(resp.Message, "已上传"))
// breaks when the text changes: a gateway that answers in English, a
// reworded message, a full-width comma that becomes a half-width one. The
// code says the same and does not change.
//
// # What is reported
//
// A string constant that is a message of the catalog, or part of one,
// compared with the reply's message field: with == or != (either order),
// strings.Contains, HasPrefix, HasSuffix or EqualFold, or as a case of a
// switch on the message. The message field is a field named message (by
// its JSON name, "message" or "msg", or its name) of a struct that also
// has a field tagged json:"code", in a package that talks to COS. Only
// constants with a Han character are looked up: the catalog's messages
// are Chinese, and "ID" or "403" is the text of some other API. They are
// looked up with the punctuation's width folded: "操作太频繁，请稍后再试",
// with a full-width comma, is the message of -71 (and never equals it,
// which is the bug).
//
// Where the package's envelope is its error type (a struct with the code
// and the message that implements error), the text of an error,
// strings.Contains(err.Error(), "查无此文件"), is the message too; the
// code is not at hand there, so there is no fix.
//
//	if strings.Contains(resp.Message, "文件已存在") {
//
//	message compared instead of code: "文件已存在" is the message of -177
//	(catalog.ErrorCmdCosFileExist: the file already exists); compare the
//	code, messages change and codes do not
//
// A constant found in the messages of several codes ("已存在" is in those
// of -177 and -176; "文件不存在" is the message of three) is reported
// with the codes it may mean, and no fix.
//
// # Fix
//
// When the constant is the message of one code (for a comparison or
// EqualFold: equal to it, up to the punctuation's width; for Contains,
// HasPrefix and HasSuffix: in it, where it is in no other) and the struct
// of the message has an integer code field, the fix compares the code
// instead, and imports the catalog as the magic-code fix does:
//
//	if resp.Code == catalog.ErrorCmdCosFileExist {
//
// != and !strings.Contains become !=. When the fix takes away the file's
// only use of the strings package, it drops that import too. No fix for a
// case of a switch on the message, a code field spelled as a string (or a
// json.Number), an error's text, or a package whose catalog lacks the
// constant.
//
// # Suppressing
//
// A line, or the line above it, with //errcodelint:ignore and a reason
// silences the finding (package evidence).
package message

import (
	_ "embed"

	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
)

//go:embed doc.go
var docSource string

var doc = manual.Doc(docSource, Name)
