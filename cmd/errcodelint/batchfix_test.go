package main

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestBatch checks that batch keeps the fixes the driver would apply, in
// one fix per file: the same import edit once, a fix that overlaps an
// accepted one dropped whole, two insertions at one position both in the
// order they came, and each file on its own.
func TestBatch(t *testing.T) {
	fset := token.NewFileSet()
	a := fset.AddFile("a.go", -1, 1000)
	b := fset.AddFile("b.go", -1, 1000)
	imp := func(f *token.File) analysis.TextEdit {
		return analysis.TextEdit{Pos: f.Pos(20), End: f.Pos(20), NewText: []byte(`"catalog"`)}
	}
	repl := func(f *token.File, from, to int, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: f.Pos(from), End: f.Pos(to), NewText: []byte(text)}
	}
	diag := func(f *token.File, at int, es ...analysis.TextEdit) analysis.Diagnostic {
		return analysis.Diagnostic{Pos: f.Pos(at), Message: "m", SuggestedFixes: []analysis.SuggestedFix{{Message: "fix", TextEdits: es}}}
	}
	diags := []analysis.Diagnostic{
		diag(a, 100, imp(a), repl(a, 100, 105, "catalog.A")),
		{Pos: a.Pos(150), Message: "no fix"},
		diag(a, 200, imp(a), repl(a, 200, 205, "catalog.B")),
		diag(a, 202, imp(a), repl(a, 202, 207, "catalog.C")), // overlaps B: dropped, with its import edit
		diag(b, 100, imp(b), repl(b, 100, 105, "catalog.D")),
		diag(a, 300, repl(a, 300, 305, "catalog.E")),
		diag(a, 400, analysis.TextEdit{Pos: a.Pos(20), End: a.Pos(20), NewText: []byte(`"net/http"`)}, repl(a, 400, 405, "http.F")), // another insertion at the import's position
		diag(a, 500, analysis.TextEdit{Pos: a.Pos(19), End: a.Pos(22), NewText: []byte(`x`)}, repl(a, 500, 505, "x.G")),             // a replacement across the insertions: dropped
	}
	got := batch(fset, diags)
	if len(got) != 2 {
		t.Fatalf("%d diagnostics, want one per file", len(got))
	}
	texts := func(d analysis.Diagnostic) string {
		var parts []string
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				parts = append(parts, fset.Position(e.Pos).String()+"="+string(e.NewText))
			}
		}
		return strings.Join(parts, " ")
	}
	if want := `a.go:1:21="catalog" a.go:1:21="net/http" a.go:1:101=catalog.A a.go:1:201=catalog.B a.go:1:301=catalog.E a.go:1:401=http.F`; texts(got[0]) != want {
		t.Errorf("a.go: %s\nwant %s", texts(got[0]), want)
	}
	if want := `b.go:1:21="catalog" b.go:1:101=catalog.D`; texts(got[1]) != want {
		t.Errorf("b.go: %s\nwant %s", texts(got[1]), want)
	}
	if got[0].Pos != a.Pos(100) || len(got[0].SuggestedFixes) != 1 {
		t.Errorf("a.go's diagnostic is at %v with %d fixes, want the first fixed diagnostic's position and one fix", fset.Position(got[0].Pos), len(got[0].SuggestedFixes))
	}
}
