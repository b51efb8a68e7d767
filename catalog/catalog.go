// Package catalog names every response code of the Tencent Cloud COS v4
// JSON API (and the image service on the same stack): one untyped constant
// per code, so that `resp.Code == catalog.ErrOffsetToZero` compiles whatever
// integer type the field has, and a table that says, for each code, its
// family, documented symbol, message and what a client should do about it.
//
// Standard HTTP statuses are part of the table (they are answers of the
// API) but have no constant here: spell them with net/http's
// (http.StatusNotFound). Only the COS-specific statuses 599, 612 and 631
// have catalog constants.
//
// The data lives in codes.tsv; codes_gen.go and README.md are generated
// from it.
package catalog

//go:generate go run ./internal/gen -go codes_gen.go -md README.md codes.tsv

import "strings"

// ImportPath is this package's import path, the one a fix adds.
const ImportPath = "github.com/errcodelint/errcodelint/catalog"

// Code is one entry of the catalog.
type Code struct {
	Value   int    // the integer as it travels, sign included
	Family  Family // the part of the code list it belongs to
	Symbol  string // the documented symbol as the list writes it; "" when it has none
	GoName  string // the constant of this package, or net/http's ("http.StatusNotFound")
	Action  Action // what a client should do when it receives the code
	Message string // the list's Chinese message, verbatim
	Gloss   string // an English gloss of the message
	Note    string // where the list is odd or the class needs a reason; often ""
}

// IsNetHTTP reports whether the code's Go spelling is a net/http constant.
func (c Code) IsNetHTTP() bool { return strings.HasPrefix(c.GoName, "http.") }

// Qualified returns the Go spelling with its package name, as a reader
// of client code sees it: "catalog.ErrOffsetToZero", "http.StatusNotFound".
func (c Code) Qualified() string {
	if c.IsNetHTTP() {
		return c.GoName
	}
	return "catalog." + c.GoName
}

// ConstName returns the constant's name without its package qualifier.
func (c Code) ConstName() string { return strings.TrimPrefix(c.GoName, "http.") }

// PackagePath returns the import path of the package that declares the
// code's constant.
func (c Code) PackagePath() string {
	if c.IsNetHTTP() {
		return "net/http"
	}
	return ImportPath
}
