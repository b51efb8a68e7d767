package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// NewWithoutFacts returns the analyzers of New(cfg) without cross-package
// facts. They declare no fact type, so the standalone driver type-checks
// only the packages named on the command line (dependencies come from
// export data) and go vet does not run them on every dependency: they
// cost what loading the named packages costs. What it gives up is knowledge
// that crosses a package boundary: a code field, variable or method found
// in one package is not known in the packages that import it (see
// testdata/src/cosuser). Catalog types, catalog constants, -sources and
// //errcodelint:code need no facts and work as before.
func NewWithoutFacts(cfg *Config) []*analysis.Analyzer {
	all := New(cfg)
	for _, a := range all {
		DisableFacts(a)
	}
	return all
}

// DisableFacts turns one analyzer made by New into its fact-free variant in
// place, for a command-line flag that is parsed after the driver was
// handed the analyzer (the drivers read FactTypes only after parsing).
func DisableFacts(a *analysis.Analyzer) {
	if a.FactTypes == nil {
		return
	}
	run := a.Run
	a.FactTypes = nil
	a.Run = func(pass *analysis.Pass) (any, error) {
		// The drivers panic on facts of undeclared types: the pass
		// imports none and drops what it would export.
		noFacts := *pass
		noFacts.ImportObjectFact = func(types.Object, analysis.Fact) bool { return false }
		noFacts.ImportPackageFact = func(*types.Package, analysis.Fact) bool { return false }
		noFacts.ExportObjectFact = func(types.Object, analysis.Fact) {}
		noFacts.ExportPackageFact = func(analysis.Fact) {}
		noFacts.AllObjectFacts = func() []analysis.ObjectFact { return nil }
		noFacts.AllPackageFacts = func() []analysis.PackageFact { return nil }
		return run(&noFacts)
	}
}
