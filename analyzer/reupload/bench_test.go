package reupload_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/reupload"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// BenchmarkFunctionSize measures the check on functions of growing size,
// for long bodies, deep nesting and nested loops, in ns per unit of size:
// a check linear in function size keeps ns/unit flat from n to 8n (a
// quadratic one would grow it eightfold). Compare the sizes with
// `go test -bench FunctionSize ./analyzer/reupload/`.
func BenchmarkFunctionSize(b *testing.B) {
	// Sizes stay under the parser's limit on nesting.
	sizes := map[string]int{"long body": 250, "deep nesting": 50, "nested loops": 50}
	shapes := map[string]func(n int) string{
		"long body": func(n int) string {
			var b strings.Builder
			b.WriteString("for offset := 0; offset < size; {\nresp := send(\"upload_slice_data\", session, offset)\n")
			for i := range n {
				fmt.Fprintf(&b, "if resp.Code == %d || resp.Code == -4019 {\nlogf(\"again\")\n}\nif resp.Code != 0 && attempts < %d {\nattempts++\n}\n", -i-1, i)
			}
			b.WriteString("offset++\n}\n")
			return b.String()
		},
		"deep nesting": func(n int) string {
			var b strings.Builder
			b.WriteString("for try := 0; try < 3; try++ {\nresp := send(\"upload_slice_data\", session, 0)\n")
			for i := range n {
				fmt.Fprintf(&b, "if resp.Code != %d {\nlogf(\"x\")\n", i)
			}
			b.WriteString("continue\n")
			b.WriteString(strings.Repeat("}\n", n))
			b.WriteString("}\n")
			return b.String()
		},
		"nested loops": func(n int) string {
			var b strings.Builder
			for range n {
				b.WriteString("for try := 0; try < 3; try++ {\nresp := send(\"upload_slice_data\", session, 0)\nif resp.Code == -4026 || resp.Code == 0 {\nlogf(\"x\")\n}\n")
			}
			b.WriteString(strings.Repeat("}\n", n))
			return b.String()
		},
	}
	for _, name := range []string{"long body", "deep nesting", "nested loops"} {
		for _, n := range []int{sizes[name], 8 * sizes[name]} {
			run := prepareCheck(b, shapes[name](n))
			b.Run(fmt.Sprintf("%s/n=%d", name, n), func(b *testing.B) {
				for b.Loop() {
					run()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/unit")
			})
		}
	}
}

// prepareCheck type-checks a function with the given body and returns a
// function that runs the check on it once.
func prepareCheck(t testing.TB, body string) func() {
	t.Helper()
	src := `package big

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func send(op, session string, offset int) *Response { return &Response{} }
func logf(format string, args ...any)               {}

func f(session string, size int) {
	attempts := 0
	_ = attempts
` + body + `}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "big.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("big", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{file}
	newPass := func(a *analysis.Analyzer, resultOf map[*analysis.Analyzer]any) *analysis.Pass {
		return &analysis.Pass{
			Analyzer:          a,
			Fset:              fset,
			Files:             files,
			Pkg:               pkg,
			TypesInfo:         info,
			ResultOf:          resultOf,
			Report:            func(analysis.Diagnostic) {},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
	}
	ev, err := evidence.Analyzer.Run(newPass(evidence.Analyzer, map[*analysis.Analyzer]any{}))
	if err != nil {
		t.Fatal(err)
	}
	// The evidence is computed once: the benchmark measures the upload
	// model and the check.
	return func() {
		up, err := upload.Analyzer.Run(newPass(upload.Analyzer, map[*analysis.Analyzer]any{evidence.Analyzer: ev}))
		if err != nil {
			t.Fatal(err)
		}
		pass := newPass(reupload.Analyzer, map[*analysis.Analyzer]any{evidence.Analyzer: ev, upload.Analyzer: up})
		if _, err := reupload.Analyzer.Run(pass); err != nil {
			t.Fatal(err)
		}
	}
}
