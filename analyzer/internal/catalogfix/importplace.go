package catalogfix

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/imports"
)

// importEdit returns the edit that imports path (as alias, or under its
// own name when alias is "") into file where goimports would put it: in
// the group of the imports it shares the longest prefix with, in sorted
// order, a module path in a group of its own after a block of standard
// library imports, an unparenthesized import decl turned into a block
// rather than a second declaration added (the usual _test.go file has
// import "testing"). goimports decides, on the file's imports alone
// (astutil.AddNamedImport, then imports.Process, which sorts and groups);
// the edit only inserts the new spec where it landed among its neighbours,
// so that the user's other imports stay as they are. It returns false when
// the file's source cannot be read or its imports cannot be parsed.
func (s *Fixer) importEdit(file *ast.File, path, alias string) (analysis.TextEdit, bool) {
	spec := strconv.Quote(path)
	if alias != "" {
		spec = alias + " " + spec
	}
	var decls []*ast.GenDecl
	for _, d := range file.Decls {
		if gen, ok := d.(*ast.GenDecl); ok && gen.Tok == token.IMPORT {
			decls = append(decls, gen)
		}
	}
	if len(decls) == 0 {
		return afterPackageClause(s.pass.Fset, file, spec), true
	}
	tf := s.pass.Fset.File(file.FileStart)
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return analysis.TextEdit{}, false
	}
	placed, ok := goimportsPlace(tf.Name(), src[:tf.Offset(decls[len(decls)-1].End())], path, alias)
	if !ok {
		return analysis.TextEdit{}, false
	}
	byKey := make(map[string]*ast.ImportSpec)
	for _, imp := range file.Imports {
		byKey[specKey(imp)] = imp
	}
	prev, next := byKey[placed.prev], byKey[placed.next]
	text := func(n ast.Node) string { return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())]) }
	switch {
	case prev != nil && (!placed.groupBefore || next == nil || placed.groupAfter):
		// After prev: in its group, or starting a new group after it.
		sep := "\n\t"
		if placed.groupBefore {
			sep = "\n\n\t"
		}
		d := declOf(decls, prev)
		if !d.Lparen.IsValid() {
			return rewriteDecl(d, text(prev), sep+spec, tf, src), true
		}
		end := prev.End()
		if prev.Comment != nil {
			end = prev.Comment.End()
		}
		// A group of its own at the end of the block goes before the
		// closing parenthesis, so that a fix that adds an import after the
		// same spec, in its group, edits another place (two fixes of one
		// file, one importing net/http, the other the catalog).
		if placed.groupBefore && next == nil && d.Specs[len(d.Specs)-1] == ast.Spec(prev) &&
			bytes.Contains(src[tf.Offset(end):tf.Offset(d.Rparen)], []byte("\n")) {
			return analysis.TextEdit{Pos: d.Rparen, End: d.Rparen, NewText: []byte("\n\t" + spec + "\n")}, true
		}
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte(sep + spec)}, true
	case next != nil:
		// Before next, in its group or in one of its own before it.
		sep := "\n\t"
		if placed.groupAfter {
			sep = "\n\n\t"
		}
		if d := declOf(decls, next); !d.Lparen.IsValid() {
			return rewriteDecl(d, spec+sep, text(next), tf, src), true
		}
		start := next.Pos()
		if next.Doc != nil {
			start = next.Doc.Pos()
		}
		return analysis.TextEdit{Pos: start, End: start, NewText: []byte(spec + sep)}, true
	default:
		// A declaration of its own after the last (import "C" and its
		// preamble are never joined).
		end := decls[len(decls)-1].End()
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport " + spec)}, true
	}
}

// rewriteDecl turns the unparenthesized import decl d into a block that
// holds its spec and the new one: before and after are the block's lines
// around the new spec, spec text and separators included.
func rewriteDecl(d *ast.GenDecl, before, after string, tf *token.File, src []byte) analysis.TextEdit {
	end := d.End()
	if c := d.Specs[0].(*ast.ImportSpec).Comment; c != nil && c.End() > end {
		// import "testing" // comment: the comment stays on the spec's line.
		comment := string(src[tf.Offset(c.Pos()):tf.Offset(c.End())])
		if strings.HasPrefix(after, "\n") {
			before += " " + comment
		} else {
			after += " " + comment
		}
		end = c.End()
	}
	return analysis.TextEdit{Pos: d.Pos(), End: end, NewText: []byte("import (\n\t" + before + after + "\n)")}
}

func declOf(decls []*ast.GenDecl, spec *ast.ImportSpec) *ast.GenDecl {
	for _, d := range decls {
		if d.Pos() <= spec.Pos() && spec.End() <= d.End() {
			return d
		}
	}
	return decls[0]
}

// afterPackageClause returns the edit that adds an import declaration to a
// file that has none: after the package clause and a comment on its line,
// as astutil.AddNamedImport places it.
func afterPackageClause(fset *token.FileSet, file *ast.File, spec string) analysis.TextEdit {
	pos := file.Name.End()
	line := fset.Position(file.Package).Line
	for _, g := range file.Comments {
		if g.Pos() > pos && fset.Position(g.Pos()).Line == line {
			pos = g.End()
		}
	}
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte("\n\nimport " + spec)}
}

// A placement says where goimports put a new import: between the imports
// prev and next (specKey; "" when it is first or last in its block), and
// whether a blank line (a group boundary) separates it from each.
type placement struct {
	prev, next              string
	groupBefore, groupAfter bool
}

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// goimportsPlace runs goimports' import placement on head, a file's source
// up to the end of its imports, with path imported as alias.
func goimportsPlace(filename string, head []byte, path, alias string) (placement, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, head, parser.ParseComments|parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil {
		return placement{}, false
	}
	astutil.AddNamedImport(fset, f, alias, path)
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return placement{}, false
	}
	out, err := imports.Process(filename, buf.Bytes(), &imports.Options{FormatOnly: true, Comments: true, TabIndent: true, TabWidth: 8})
	if err != nil {
		return placement{}, false
	}
	fset = token.NewFileSet()
	f, err = parser.ParseFile(fset, filename, out, parser.ParseComments|parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil {
		return placement{}, false
	}
	want := alias + " " + path
	tf := fset.File(f.FileStart)
	for _, d := range f.Decls {
		gen, ok := d.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			continue
		}
		specs := append([]ast.Spec(nil), gen.Specs...)
		sort.Slice(specs, func(i, j int) bool { return specs[i].Pos() < specs[j].Pos() })
		for i, sp := range specs {
			imp := sp.(*ast.ImportSpec)
			if specKey(imp) != want {
				continue
			}
			var p placement
			between := func(a, b token.Pos) bool { return blankLine.Match(out[tf.Offset(a):tf.Offset(b)]) }
			if i > 0 {
				p.prev = specKey(specs[i-1].(*ast.ImportSpec))
				p.groupBefore = between(specs[i-1].End(), imp.Pos())
			}
			if i+1 < len(specs) {
				p.next = specKey(specs[i+1].(*ast.ImportSpec))
				p.groupAfter = between(imp.End(), specs[i+1].Pos())
			}
			return p, true
		}
	}
	return placement{}, false
}

// specKey identifies an import spec by its name ("" for none) and path.
func specKey(imp *ast.ImportSpec) string {
	name := ""
	if imp.Name != nil {
		name = imp.Name.Name
	}
	return name + " " + importPath(imp)
}
