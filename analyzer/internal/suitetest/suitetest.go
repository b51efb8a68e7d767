// Package suitetest runs errcodelint's analyzers on fixtures whose
// "// want" comments expect the diagnostics and facts of all of them.
//
// analysistest checks one analyzer. Combined makes the suite one analyzer
// for it: the combined analyzer runs each analyzer of the suite on the
// pass, after those it requires, and reports their diagnostics and exports
// their facts as its own. So a fixture is loaded once, however many
// analyzers the suite has, and analysistest checks everything. The
// analyzers the suite requires but does not list run quietly: their
// diagnostics are dropped and their facts kept aside, for the packages
// that import the one they are about.
package suitetest

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Combined returns an analyzer that runs the analyzers of suite, and
// those they require, as one: its diagnostics and facts are theirs.
func Combined(suite []*analysis.Analyzer) *analysis.Analyzer {
	var order []*analysis.Analyzer // dependencies first
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	for _, a := range suite {
		visit(a)
	}
	var factTypes []analysis.Fact
	despite := true
	for _, a := range order {
		if slices.Contains(suite, a) {
			factTypes = append(factTypes, a.FactTypes...)
		}
		despite = despite && a.RunDespiteErrors
	}
	aside := &factStore{facts: make(map[factKey]analysis.Fact)}
	return &analysis.Analyzer{
		Name:             "suite",
		Doc:              "run errcodelint's analyzers as one, for analysistest",
		FactTypes:        factTypes,
		RunDespiteErrors: despite,
		Run: func(pass *analysis.Pass) (any, error) {
			results := make(map[*analysis.Analyzer]any)
			for _, a := range order {
				p := subPass(pass, a, results)
				if !slices.Contains(suite, a) {
					aside.quiet(p)
				}
				res, err := a.Run(p)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", a.Name, err)
				}
				results[a] = res
			}
			return nil, nil
		},
	}
}

// subPass returns the pass of one analyzer of the suite: the combined
// pass, with the results of what it requires, and only the facts of its
// own types (the evidence analyzer's gate asks for all of them).
func subPass(pass *analysis.Pass, a *analysis.Analyzer, results map[*analysis.Analyzer]any) *analysis.Pass {
	p := *pass
	p.Analyzer = a
	p.ResultOf = make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, r := range a.Requires {
		p.ResultOf[r] = results[r]
	}
	own := func(f analysis.Fact) bool {
		return slices.ContainsFunc(a.FactTypes, func(t analysis.Fact) bool { return reflect.TypeOf(t) == reflect.TypeOf(f) })
	}
	p.AllObjectFacts = func() []analysis.ObjectFact {
		return slices.DeleteFunc(pass.AllObjectFacts(), func(f analysis.ObjectFact) bool { return !own(f.Fact) })
	}
	p.AllPackageFacts = func() []analysis.PackageFact {
		return slices.DeleteFunc(pass.AllPackageFacts(), func(f analysis.PackageFact) bool { return !own(f.Fact) })
	}
	p.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		if !own(f) {
			panic(fmt.Sprintf("%s exports a fact of undeclared type %T", a.Name, f))
		}
		pass.ExportObjectFact(obj, f)
	}
	return &p
}

// Run checks the fixtures' expectations against the suite's analyzers,
// in one load; with fixes, their suggested fixes against .golden files
// too (analysistest.RunWithSuggestedFixes).
func Run(t *testing.T, dir string, suite []*analysis.Analyzer, fixes bool, patterns ...string) []*analysistest.Result {
	t.Helper()
	if fixes {
		return analysistest.RunWithSuggestedFixes(t, dir, Combined(suite), patterns...)
	}
	return analysistest.Run(t, dir, Combined(suite), patterns...)
}

// factStore keeps the facts of the analyzers that run quietly, across the
// packages of one run (the checker runs packages concurrently).
type factStore struct {
	mu    sync.Mutex
	facts map[factKey]analysis.Fact
}

type factKey struct {
	obj types.Object
	typ reflect.Type
}

// quiet makes p drop its diagnostics and keep its facts in the store.
func (s *factStore) quiet(p *analysis.Pass) {
	p.Report = func(analysis.Diagnostic) {}
	p.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.facts[factKey{obj, reflect.TypeOf(f)}] = f
	}
	p.ImportObjectFact = func(obj types.Object, f analysis.Fact) bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		if got, ok := s.facts[factKey{obj, reflect.TypeOf(f)}]; ok {
			reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
			return true
		}
		return false
	}
	types := p.Analyzer.FactTypes
	p.AllObjectFacts = func() []analysis.ObjectFact {
		s.mu.Lock()
		defer s.mu.Unlock()
		var out []analysis.ObjectFact
		for k, f := range s.facts {
			if slices.ContainsFunc(types, func(t analysis.Fact) bool { return reflect.TypeOf(t) == k.typ }) {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		return out
	}
	p.AllPackageFacts = func() []analysis.PackageFact { return nil }
}
