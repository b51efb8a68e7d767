package analyzer

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/reupload"
	"github.com/errcodelint/errcodelint/catalog"
)

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if isCatalog(pass.Pkg.Path()) {
		return nil, nil // the catalog spells every code; it is never reported
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	syn := collect(pass)
	st := newState(pass, cfg, isCOSClient(pass, syn.strings))
	r := newReporter(pass, cfg)
	r.directives = parseDirectives(pass, st, r.report)
	st.seedEnvelopes(syn.structs)
	st.seedCatalogComparisons(syn.cmps)
	st.propagate(syn.flows)
	st.exportFacts()
	st.checkComparisons(syn.cmps, r.fileOf, r.report)
	st.checkAssignedValues(syn, r.fileOf, r.report)
	reupload.Check(pass, st, r.report)
	return nil, nil
}

// isCatalog reports whether path is the catalog, one of its internal
// packages, or its external test package.
func isCatalog(path string) bool {
	path = strings.TrimSuffix(path, "_test")
	return path == catalog.ImportPath || strings.HasPrefix(path, catalog.ImportPath+"/")
}

// reporter passes on the diagnostics that no directive silences and that
// do not fall in generated files.
type reporter struct {
	pass       *analysis.Pass
	cfg        *Config
	files      map[*token.File]*ast.File
	generated  map[*ast.File]bool
	directives *directives
}

func newReporter(pass *analysis.Pass, cfg *Config) *reporter {
	r := &reporter{pass: pass, cfg: cfg, files: make(map[*token.File]*ast.File), generated: make(map[*ast.File]bool)}
	for _, f := range pass.Files {
		r.files[pass.Fset.File(f.Pos())] = f
		r.generated[f] = ast.IsGenerated(f)
	}
	return r
}

func (r *reporter) fileOf(pos token.Pos) *ast.File {
	return r.files[r.pass.Fset.File(pos)]
}

func (r *reporter) report(d analysis.Diagnostic) {
	if f := r.fileOf(d.Pos); f == nil || r.generated[f] && !r.cfg.Generated {
		return
	}
	if r.directives != nil && r.directives.isIgnored(r.pass.Fset, d.Pos) {
		return
	}
	r.pass.Report(d)
}
