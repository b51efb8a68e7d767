package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// The benchmarks measure the pass itself, with the loading done once:
// BenchmarkPass over a large package set (net/http and everything it
// imports, plus the client corpus) with and without the relevance gate,
// next to BenchmarkTypeCheck, the cost of type-checking the same packages
// again, as a yardstick; and BenchmarkFunctionSize over generated
// functions of growing size, whose ns/op must grow linearly. make bench
// runs them; docs/performance.md has the numbers.

var benchLoad struct {
	once sync.Once
	pkgs []*packages.Package // dependencies before the packages that import them
	err  error
}

// benchPackages loads net/http and the corpus with all their dependencies
// from source, once.
func benchPackages(b *testing.B) []*packages.Package {
	b.Helper()
	benchLoad.once.Do(func() {
		fset := token.NewFileSet()
		seen := map[*packages.Package]bool{}
		for _, set := range []struct{ dir, pattern, env string }{
			{".", "net/http", "GOWORK=off"},
			{"../testdata/corpus", "./...", "GOFLAGS=-mod=mod"},
		} {
			cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: set.dir, Fset: fset, Env: append(os.Environ(), "GOWORK=off", set.env)}
			roots, err := packages.Load(cfg, set.pattern)
			if err != nil {
				benchLoad.err = err
				return
			}
			if packages.PrintErrors(roots) > 0 {
				benchLoad.err = fmt.Errorf("%s does not load", set.pattern)
				return
			}
			packages.Visit(roots, nil, func(p *packages.Package) {
				if !seen[p] && p.Types != nil && len(p.Syntax) > 0 {
					seen[p] = true
					benchLoad.pkgs = append(benchLoad.pkgs, p)
				}
			})
		}
	})
	if benchLoad.err != nil {
		b.Fatal(benchLoad.err)
	}
	return benchLoad.pkgs
}

// analyzeAll runs the suite on every package in dependency order, with
// facts kept in memory as the standalone driver keeps them, and returns
// the number of diagnostics.
func analyzeAll(b *testing.B, suite []*analysis.Analyzer, pkgs []*packages.Package) int {
	d := newMemDriver(b)
	n := 0
	for _, p := range pkgs {
		u := unit{fset: p.Fset, files: p.Syntax, pkg: p.Types, info: p.TypesInfo, readFile: os.ReadFile}
		if err := d.run(suite, u, func(analysis.Diagnostic) { n++ }); err != nil {
			b.Fatal(err)
		}
	}
	return n
}

func BenchmarkPass(b *testing.B) {
	pkgs := benchPackages(b)
	lines := 0
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			lines += p.Fset.File(f.FileStart).LineCount()
		}
	}
	for _, bc := range []struct {
		name string
		a    []*analysis.Analyzer
	}{
		{"gated", New(&Config{})},
		{"ungated", ungated(&Config{})},
	} {
		b.Run(bc.name, func(b *testing.B) {
			diags := 0
			for b.Loop() {
				diags = analyzeAll(b, bc.a, pkgs)
			}
			b.ReportMetric(float64(len(pkgs)), "pkgs")
			b.ReportMetric(float64(lines), "lines")
			b.ReportMetric(float64(diags), "diagnostics")
		})
	}
}

// BenchmarkTypeCheck type-checks the packages of BenchmarkPass again, from
// the syntax already parsed: the yardstick for the pass's cost.
func BenchmarkTypeCheck(b *testing.B) {
	pkgs := benchPackages(b)
	byPath := map[string]*types.Package{"unsafe": types.Unsafe}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p.Types
	}
	for b.Loop() {
		for _, p := range pkgs {
			imports := map[string]*types.Package{}
			for path, imp := range p.Imports {
				imports[path] = imp.Types
			}
			conf := types.Config{
				Importer: importerFunc(func(path string) (*types.Package, error) {
					if t := imports[path]; t != nil {
						return t, nil
					}
					if t := byPath[path]; t != nil {
						return t, nil
					}
					return nil, fmt.Errorf("no package %s", path)
				}),
				Sizes:       p.TypesSizes,
				FakeImportC: true,
				Error:       func(error) {},
			}
			info := &types.Info{
				Types:      map[ast.Expr]types.TypeAndValue{},
				Defs:       map[*ast.Ident]types.Object{},
				Uses:       map[*ast.Ident]types.Object{},
				Implicits:  map[ast.Node]types.Object{},
				Selections: map[*ast.SelectorExpr]*types.Selection{},
				Scopes:     map[ast.Node]*types.Scope{},
				Instances:  map[*ast.Ident]types.Instance{},
			}
			conf.Check(p.PkgPath, p.Fset, p.Syntax, info)
		}
	}
}

// functionShapes generate one function of n statements (or n terms, cases
// or levels) of a COS client, each stressing another part of the pass.
var functionShapes = map[string]func(w *strings.Builder, n int){
	// Comparisons, one per statement.
	"comparisons": func(w *strings.Builder, n int) {
		for i := range n {
			fmt.Fprintf(w, "\tif r.Code == -%d { hits++ }\n", 4000+i%40)
		}
	},
	// A chain of copies written against the flow: each propagation
	// round can move the code one link only.
	"copies": func(w *strings.Builder, n int) {
		for i := 1; i <= n; i++ {
			fmt.Fprintf(w, "\tvar c%d int\n", i)
		}
		for i := n; i > 0; i-- {
			fmt.Fprintf(w, "\tc%d = c%d\n", i, i-1)
		}
		fmt.Fprintf(w, "\tif c1 == -4019 || c%d == -4019 { hits++ }\n", n)
	},
	// Nested blocks, each with a return: the returns' enclosing
	// function is found through the stack.
	"nested": func(w *strings.Builder, n int) {
		for i := range n {
			fmt.Fprintf(w, "\tif r.Code == -%d {\n\t\tif hits > %d { return r.Code }\n", 4000+i%40, i)
		}
		for range n {
			w.WriteString("\t}\n")
		}
	},
	// One condition of n terms joined by ||: a deep binary tree.
	"chain": func(w *strings.Builder, n int) {
		w.WriteString("\tif r.Code == -4000")
		for i := 1; i < n; i++ {
			fmt.Fprintf(w, " || r.Code == -%d", 4000+i%40)
		}
		w.WriteString(" { hits++ }\n")
	},
	// One switch of n cases.
	"switch": func(w *strings.Builder, n int) {
		w.WriteString("\tswitch r.Code {\n")
		for i := range n {
			fmt.Fprintf(w, "\tcase %d:\n\t\thits++\n", -100000-i)
		}
		w.WriteString("\t}\n")
	},
	// Retry loops around slice uploads, for the reupload check.
	"loops": func(w *strings.Builder, n int) {
		for i := range n {
			fmt.Fprintf(w, "\tfor attempt := 0; attempt < 3; attempt++ {\n\t\tr = send(\"upload_slice_data\", %d)\n\t\tif r.Code == -4019 || r.Code == -4026 { continue }\n\t\tbreak\n\t}\n", i)
		}
	},
}

func generatedFunction(shape string, n int) []byte {
	var w strings.Builder
	w.WriteString(`package c

const api = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func send(op string, offset int) Response { return Response{} }

func big(r Response) int {
	hits := 0
	c0 := r.Code
	_ = c0
`)
	functionShapes[shape](&w, n)
	w.WriteString("\treturn hits\n}\n")
	return []byte(w.String())
}

// TestGeneratedFunctionsCheck makes sure the benchmark's inputs are valid
// Go that the analyzer reports on, so that their timings mean something.
func TestGeneratedFunctionsCheck(t *testing.T) {
	for shape := range functionShapes {
		c := check(t, shape+".go", generatedFunction(shape, 50))
		if !c.clean() {
			t.Fatalf("%s: %v %v", shape, c.parseErr, c.typeErrors)
		}
		if res := runPass(t, New(&Config{}), c); len(res.diagnostics) == 0 {
			t.Errorf("%s: no diagnostics", shape)
		}
	}
}

func BenchmarkFunctionSize(b *testing.B) {
	for _, shape := range []string{"comparisons", "copies", "nested", "chain", "switch", "loops"} {
		for _, n := range []int{250, 1000, 4000} {
			c := check(b, shape+".go", generatedFunction(shape, n))
			if !c.clean() {
				b.Fatalf("%s/%d: %v %v", shape, n, c.parseErr, c.typeErrors)
			}
			a := New(&Config{})
			b.Run(fmt.Sprintf("%s/n=%d", shape, n), func(b *testing.B) {
				for b.Loop() {
					runPass(b, a, c)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/stmt")
			})
		}
	}
}
