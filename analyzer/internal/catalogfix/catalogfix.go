// Package catalogfix builds the suggested fixes that name a catalog (or
// net/http) constant: the edit that spells it, and the import it needs,
// under a name that is free wherever the file's fixes put it and in every
// variant of the package, placed where goimports would put it. The fixes
// of one file share one import of each package (a Batch), so that a file
// never ends up importing the package twice.
package catalogfix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/catalog"
)

// A Fixer builds the edits of one pass's fixes, with the caches that keep
// a file's fixes linear in its size.
type Fixer struct {
	pass         *analysis.Pass
	keywordEnds  map[*ast.File]map[token.Pos]bool // per file, built when a fix needs it
	ordered      map[*types.Scope]bool            // scopes whose children stand in source order (innermostScope)
	variantNames map[string]map[string]bool       // per directory and package name, the names of the files not analyzed (otherVariantNames)
	catalogPkg   *types.Package                   // the catalog the package builds with (CatalogLacks)
	wanted       []Wanted
}

// New returns the Fixer of a pass.
func New(pass *analysis.Pass) *Fixer { return &Fixer{pass: pass} }

// A Wanted fix replaces the source between Pos and End, in File, with a
// text that names the constant of Code.
type Wanted struct {
	Diag     analysis.Diagnostic // the diagnostic the fix belongs to
	File     *ast.File
	Pos, End token.Pos
	Code     catalog.Code
	// Text returns the replacement, given the constant as the file spells
	// it (catalog.ErrOffsetToZero, coscatalog.ErrOffsetToZero).
	Text func(constant string) string
	// Message is the fix's message.
	Message string
	// Also are edits of the fix's own beside the replacement (DropImport).
	Also []analysis.TextEdit
}

// Want queues a fix. Its diagnostic is reported by Complete.
func (s *Fixer) Want(w Wanted) { s.wanted = append(s.wanted, w) }

// Complete gives the queued fixes their edits and reports their
// diagnostics. A fix whose constant cannot be named where it goes (a name
// shadows the file's import) is left out; its diagnostic stays.
func (s *Fixer) Complete(report func(analysis.Diagnostic)) {
	type group struct {
		file *ast.File
		path string
	}
	positions := make(map[group][]token.Pos)
	for _, w := range s.wanted {
		g := group{w.File, w.Code.PackagePath()}
		positions[g] = append(positions[g], w.Pos)
	}
	plans := make(map[group]importPlan)
	for _, w := range s.wanted {
		g := group{w.File, w.Code.PackagePath()}
		plan, ok := plans[g]
		if !ok {
			name := "catalog"
			if w.Code.IsNetHTTP() {
				name = "http"
			}
			plan = s.planImport(w.File, g.path, name, positions[g])
			plans[g] = plan
		}
		diag := w.Diag
		if qual, edits, ok := plan.qualifier(w.Pos); ok {
			replace := analysis.TextEdit{Pos: w.Pos, End: w.End, NewText: []byte(s.separated(w.File, w.Pos, w.Text(qual+w.Code.ConstName())))}
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   w.Message,
				TextEdits: append(append([]analysis.TextEdit{replace}, w.Also...), edits...),
			}}
		}
		report(diag)
	}
	s.wanted = nil
}

// CatalogLacks reports whether the package builds with a catalog that
// does not declare c's constant: an older version than errcodelint's (a
// build has one version of a module, so any catalog the package's imports
// reach is the one a fix would name). A fix naming it would not compile.
// Where no import reaches the catalog yet, the fix adds the import and
// the module's requirement decides.
func (s *Fixer) CatalogLacks(c catalog.Code) bool {
	if c.IsNetHTTP() {
		return false
	}
	if s.catalogPkg == nil {
		s.catalogPkg = findImport(s.pass.Pkg, catalog.ImportPath, map[*types.Package]bool{})
		if s.catalogPkg == nil {
			s.catalogPkg = types.NewPackage("", "") // none: remembered as searched
		}
	}
	return s.catalogPkg.Path() == catalog.ImportPath && s.catalogPkg.Scope().Lookup(c.ConstName()) == nil
}

// LacksMessage is what a diagnostic says when CatalogLacks.
func LacksMessage(c catalog.Code) string {
	return fmt.Sprintf("the catalog this package builds with has no %s: upgrade %s to errcodelint's version for the fix", c.ConstName(), catalog.ImportPath)
}

// findImport returns the package at path that pkg's imports reach, or nil.
func findImport(pkg *types.Package, path string, seen map[*types.Package]bool) *types.Package {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
		if !seen[imp] {
			seen[imp] = true
			if p := findImport(imp, path, seen); p != nil {
				return p
			}
		}
	}
	return nil
}
