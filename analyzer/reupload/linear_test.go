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
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcodelint/errcodelint/analyzer/reupload"
)

// TestLinearInFunctionSize checks that the time the check takes grows
// linearly with the size of a function, for long bodies, deep nesting and
// nested loops: eight times the code must not take much more than eight
// times as long (a quadratic check would take 64; the bound of 32 leaves
// room for a busy machine).
func TestLinearInFunctionSize(t *testing.T) {
	if testing.Short() {
		t.Skip("times the check on large generated functions")
	}
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
	for name, body := range shapes {
		t.Run(name, func(t *testing.T) {
			n := sizes[name]
			smallCheck, largeCheck := prepareCheck(t, body(n)), prepareCheck(t, body(8*n))
			// Interleaved, so that both sizes see the same load; the
			// shortest run of each counts.
			var small, large time.Duration
			for i := range 9 {
				if d := smallCheck(); i == 0 || d < small {
					small = d
				}
				if d := largeCheck(); i == 0 || d < large {
					large = d
				}
			}
			t.Logf("%d: %v, %d: %v", n, small, 8*n, large)
			if ratio := float64(large) / float64(small); ratio > 32 {
				t.Errorf("8x the code took %.1fx the time (%v, then %v): worse than linear", ratio, small, large)
			}
		})
	}
}

// prepareCheck type-checks a function with the given body and returns a
// function that times one run of the check on it.
func prepareCheck(t *testing.T, body string) func() time.Duration {
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
	return func() time.Duration {
		pass := &analysis.Pass{
			Analyzer:          harness,
			Fset:              fset,
			Files:             files,
			Pkg:               pkg,
			TypesInfo:         info,
			ResultOf:          map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
			Report:            func(analysis.Diagnostic) {},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
		}
		codes := newJSONCodes(pass)
		start := time.Now()
		reupload.Check(pass, codes, func(analysis.Diagnostic) {})
		return time.Since(start)
	}
}
