package catalogfix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// An importPlan says how the fixes of one file name the members of one
// package: through an import the file has, or through one import that all
// of them add, under a name free at every one of their positions, so that
// a file never ends up importing the package twice.
type importPlan struct {
	s     *Fixer
	file  *ast.File
	path  string
	name  string              // the package's own name
	alias string              // the name an added import gives the package; "" when the file imports it
	edits []analysis.TextEdit // the edit that adds the import
}

// planImport returns the plan of the fixes of file at positions that name
// a member of the package at path, whose own name is name.
func (s *Fixer) planImport(file *ast.File, path, name string, positions []token.Pos) importPlan {
	plan := importPlan{s: s, file: file, path: path, name: name}
	for _, imp := range file.Imports {
		if importPath(imp) == path && (imp.Name == nil || imp.Name.Name != "_") {
			return plan // imported: each fix uses the import where it can (qualifier)
		}
	}
	taken := s.otherVariantNames(file)
	for i := 0; ; i++ {
		alias := name
		switch {
		case i == 1:
			alias = "cos" + name
		case i > 1:
			alias = fmt.Sprintf("cos%s%d", name, i)
		}
		if importsName(file, alias) || s.pass.Pkg.Scope().Lookup(alias) != nil || taken[alias] || !freeAt(s, file, alias, positions) {
			continue
		}
		specName := alias
		if alias == name {
			specName = ""
		}
		if edit, ok := s.importEdit(file, path, specName); ok {
			plan.alias, plan.edits = alias, []analysis.TextEdit{edit}
		}
		return plan
	}
}

// freeAt reports whether name denotes nothing at any of the positions.
func freeAt(s *Fixer, file *ast.File, name string, positions []token.Pos) bool {
	for _, pos := range positions {
		if lookupName(s.innermostScope(file, pos), name, pos) != nil {
			return false
		}
	}
	return true
}

// qualifier returns the prefix with which the fix at pos names a member of
// the package ("catalog.", or "" under a dot import) and the edits that
// import it, or false when it cannot name it: the file imports the
// package under a name that something declared at pos shadows.
func (p importPlan) qualifier(pos token.Pos) (string, []analysis.TextEdit, bool) {
	if p.alias != "" {
		return p.alias + ".", p.edits, true
	}
	scope := p.s.innermostScope(p.file, pos)
	for _, imp := range p.file.Imports {
		if importPath(imp) != p.path {
			continue
		}
		if imp.Name != nil && imp.Name.Name == "." {
			return "", nil, true
		}
		local := p.name
		if imp.Name != nil {
			local = imp.Name.Name
		}
		if pkgName, ok := lookupName(scope, local, pos).(*types.PkgName); ok && pkgName.Imported().Path() == p.path {
			return local + ".", nil, true
		}
	}
	return "", nil, false
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
func (s *Fixer) innermostScope(file *ast.File, pos token.Pos) *types.Scope {
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
func (s *Fixer) childrenInOrder(scope *types.Scope) bool {
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
