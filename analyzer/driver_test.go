package analyzer

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// memDriver runs analyzers the way the standalone driver does, on units
// the test prepares (a fuzz input, a loaded package), with facts kept in
// memory across units. It checks what the drivers check: facts are of
// the analyzer's declared types, exported only for the unit's own
// objects, and gob-encodable.
type memDriver struct {
	tb       testing.TB
	facts    map[factKey]analysis.Fact
	pkgFacts map[reflect.Type]analysis.Fact
}

type factKey struct {
	obj types.Object
	typ reflect.Type
}

func newMemDriver(tb testing.TB) *memDriver {
	return &memDriver{tb: tb, facts: map[factKey]analysis.Fact{}, pkgFacts: map[reflect.Type]analysis.Fact{}}
}

// A unit is one package to analyze.
type unit struct {
	fset       *token.FileSet
	files      []*ast.File
	pkg        *types.Package
	info       *types.Info
	typeErrors []types.Error
	readFile   func(string) ([]byte, error)
}

// run runs the suite's analyzers on u, each after those it requires.
func (d *memDriver) run(suite []*analysis.Analyzer, u unit, report func(analysis.Diagnostic)) error {
	results := map[*analysis.Analyzer]any{}
	var err error
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if _, done := results[a]; done || err != nil {
			return
		}
		resultOf := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			run(req)
			resultOf[req] = results[req]
		}
		results[a], err = a.Run(d.pass(a, u, resultOf, report))
	}
	for _, a := range suite {
		run(a)
	}
	return err
}

func (d *memDriver) pass(a *analysis.Analyzer, u unit, resultOf map[*analysis.Analyzer]any, report func(analysis.Diagnostic)) *analysis.Pass {
	var factTypes []reflect.Type
	for _, f := range a.FactTypes {
		factTypes = append(factTypes, reflect.TypeOf(f))
	}
	return &analysis.Pass{
		Analyzer:   a,
		Fset:       u.fset,
		Files:      u.files,
		Pkg:        u.pkg,
		TypesInfo:  u.info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		TypeErrors: u.typeErrors,
		ResultOf:   resultOf,
		Report:     report,
		ReadFile:   u.readFile,
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			if f, ok := d.facts[factKey{obj, reflect.TypeOf(fact)}]; ok {
				reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
				return true
			}
			return false
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != u.pkg {
				d.tb.Errorf("fact %v exported for %v of another package", fact, obj)
			}
			if !slices.Contains(factTypes, reflect.TypeOf(fact)) {
				d.tb.Errorf("%s exports a fact of undeclared type %T", a.Name, fact)
			}
			if err := gob.NewEncoder(new(bytes.Buffer)).Encode(fact); err != nil {
				d.tb.Errorf("fact %T does not encode: %v", fact, err)
			}
			d.facts[factKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(fact analysis.Fact) { d.pkgFacts[reflect.TypeOf(fact)] = fact },
		AllObjectFacts: func() []analysis.ObjectFact {
			var all []analysis.ObjectFact
			for k, f := range d.facts {
				if slices.Contains(factTypes, k.typ) {
					all = append(all, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
			return all
		},
		AllPackageFacts: func() []analysis.PackageFact { return nil },
	}
}

// describeFacts lists the facts exported so far, sorted.
func (d *memDriver) describeFacts() []string {
	var out []string
	for k, f := range d.facts {
		out = append(out, fmt.Sprintf("%v: %T %v", k.obj, f, f))
	}
	for _, f := range d.pkgFacts {
		out = append(out, fmt.Sprintf("package: %T %v", f, f))
	}
	slices.Sort(out)
	return out
}
