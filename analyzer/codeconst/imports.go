package codeconst

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// qualifier returns the prefix with which file can name a member of the
// package at path at pos ("catalog.", or "" under a dot import), and the
// edits that import the package when no usable import exists. name is the
// package's own name; when it is taken at pos, the import gets an alias.
func (s *fixer) qualifier(file *ast.File, pos token.Pos, path, name string) (string, []analysis.TextEdit) {
	pass := s.pass
	scope := s.innermostScope(file, pos)
	for _, imp := range file.Imports {
		if importPath(imp) != path {
			continue
		}
		local := name
		if imp.Name != nil {
			local = imp.Name.Name
		}
		switch local {
		case ".":
			return "", nil
		case "_":
			continue
		}
		if pkgName, ok := lookupName(scope, local, pos).(*types.PkgName); ok && pkgName.Imported().Path() == path {
			return local + ".", nil
		}
	}
	// Not imported, or its name is shadowed here: import it under a free name.
	for i := 0; ; i++ {
		alias := name
		switch {
		case i == 1:
			alias = "cos" + name
		case i > 1:
			alias = fmt.Sprintf("cos%s%d", name, i)
		}
		if lookupName(scope, alias, pos) != nil || importsName(file, alias) || pass.Pkg.Scope().Lookup(alias) != nil {
			continue
		}
		spec := strconv.Quote(path)
		if alias != name {
			spec = alias + " " + spec
		}
		return alias + ".", []analysis.TextEdit{importEdit(file, path, spec)}
	}
}

// importEdit inserts an import spec: in sorted position within the file's
// first import declaration, or as a new declaration after the package
// clause. gofmt leaves the result as it is.
func importEdit(file *ast.File, path, spec string) analysis.TextEdit {
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			continue
		}
		if !gen.Lparen.IsValid() { // import "fmt"
			return analysis.TextEdit{Pos: gen.End(), End: gen.End(), NewText: []byte("\nimport " + spec)}
		}
		// A module path goes in its own group after a block of standard
		// library imports, as goimports would place it.
		onlyStd := true
		for _, s := range gen.Specs {
			onlyStd = onlyStd && isStd(importPath(s.(*ast.ImportSpec)))
		}
		if !(onlyStd && !isStd(path)) {
			for _, s := range gen.Specs {
				if imp := s.(*ast.ImportSpec); importPath(imp) > path {
					return analysis.TextEdit{Pos: imp.Pos(), End: imp.Pos(), NewText: []byte(spec + "\n\t")}
				}
			}
		}
		if n := len(gen.Specs); n > 0 {
			sep := "\n\t"
			if onlyStd && !isStd(path) {
				sep = "\n\n\t"
			}
			end := gen.Specs[n-1].End()
			return analysis.TextEdit{Pos: end, End: end, NewText: []byte(sep + spec)}
		}
		return analysis.TextEdit{Pos: gen.Rparen, End: gen.Rparen, NewText: []byte("\n\t" + spec + "\n")}
	}
	return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + spec)}
}

func importPath(imp *ast.ImportSpec) string {
	p, _ := strconv.Unquote(imp.Path.Value)
	return p
}

func importsName(file *ast.File, name string) bool {
	for _, imp := range file.Imports {
		if imp.Name != nil && imp.Name.Name == name {
			return true
		}
	}
	return false
}

// innermostScope returns the scope enclosing pos in file. Children are
// searched by bisection where they are in source order (types.Scope's own
// Innermost scans them one by one, which adds up in a function of
// thousands of blocks with a fix in each), and one by one where not.
func (s *fixer) innermostScope(file *ast.File, pos token.Pos) *types.Scope {
	scope := s.pass.TypesInfo.Scopes[file]
	if scope == nil {
		return nil
	}
	for {
		if !s.childrenInOrder(scope) {
			if inner := scope.Innermost(pos); inner != nil {
				return inner
			}
			return scope
		}
		n := scope.NumChildren()
		i := sort.Search(n, func(i int) bool { return scope.Child(i).End() > pos })
		if i == n || !scope.Child(i).Contains(pos) {
			return scope
		}
		scope = scope.Child(i)
	}
}

// childrenInOrder reports, once per scope, whether its children stand in
// source order (function literals in package-level initializers may not).
func (s *fixer) childrenInOrder(scope *types.Scope) bool {
	ordered, ok := s.ordered[scope]
	if !ok {
		ordered = true
		for i := 1; i < scope.NumChildren(); i++ {
			ordered = ordered && scope.Child(i-1).End() <= scope.Child(i).Pos()
		}
		if s.ordered == nil {
			s.ordered = make(map[*types.Scope]bool)
		}
		s.ordered[scope] = ordered
	}
	return ordered
}

func lookupName(scope *types.Scope, name string, pos token.Pos) types.Object {
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// isStd reports whether path is a standard library package: its first
// element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
