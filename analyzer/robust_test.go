package analyzer

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
	"golang.org/x/tools/go/analysis/analysistest"
)

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// TestGenericsAndAliases: type parameters, instantiated envelopes, alias
// chains and generic aliases.
func TestGenericsAndAliases(t *testing.T) {
	suitetest.Run(t, testdata, New(&Config{}), false, "robustgenerics")
}

// TestConstantsOfEveryKind: untyped, typed, shifted, folded, iota,
// character and wide constants.
func TestConstantsOfEveryKind(t *testing.T) {
	suitetest.Run(t, testdata, New(&Config{}), false, "robustconst")
}

// TestBuildTags: files for other platforms and ignored files are not
// analyzed.
func TestBuildTags(t *testing.T) {
	suitetest.Run(t, testdata, New(&Config{}), false, "robusttags")
}

// TestCgo: a package with a cgo file.
func TestCgo(t *testing.T) {
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled (no C compiler?)")
	}
	suitetest.Run(t, testdata, New(&Config{}), false, "robustcgo")
}

// TestTypeErrors runs the pass, as editors do, on files that do not
// type-check (or parse): it must not panic, its ranges and fixes must stay
// in the file, and what the valid part of the file shows is still found.
func TestTypeErrors(t *testing.T) {
	const head = `package c

const api = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func valid(r Response) bool { return r.Code == -4019 }
`
	broken := map[string]string{
		"undefined type":        "func f(r Response, x Undefined) bool { return x.Code == -4026 || r.Code == x }",
		"undefined field":       "func f(r Response) bool { return r.Missing == -4026 }",
		"missing import":        "import \"example.com/nowhere\"\nfunc f() bool { return nowhere.Code() == -4026 }",
		"overflow":              "func f(r Response) bool { var b int8 = 1 << 10; return r.Code == 1<<70 || b == -4026 }",
		"overflow in field":     "type small struct { Code int8 `json:\"code\"`; Message string `json:\"message\"` }\nfunc f(s small) bool { return s.Code == -4019 }",
		"assignment mismatch":   "func two() (int, int) { return 1, 2 }\nfunc f(r Response) bool { a, b, c := two(); d := two(); return a == -4026 || r.Code == d }",
		"return count":          "func f(r Response) (int, error) { return r.Code }\nfunc g() bool { c, _ := f(Response{}); return c == -4026 }",
		"too many elements":     "var x = Response{-4019, \"m\", 3}\nvar y = Response{Code: -4019, Bogus: 1}",
		"bad switch":            "func f(r Response) { switch r.Code { case \"x\", -4026, nil: } }",
		"bad generic":           "type G[T any] struct{ Code T }\nfunc f(g G) bool { return g.Code == -4026 }\nvar _ = G[int, int]{}",
		"recursive type":        "type R R\nfunc f(r R) bool { return r == -4026 }",
		"call of non-function":  "func f(r Response) bool { return r.Code() == -4026 }",
		"wrong arguments":       "func g(a, b int) int { return a }\nfunc f(r Response) bool { return g(r.Code) == -4026 || g(1, 2, 3) == -4019 }",
		"unterminated function": "func f(r Response) bool {\n\tif r.Code == -4026 {\n\treturn",
		"bad directive target":  "//errcodelint:code\nfunc f() {}\n//errcodelint:code http\nvar s = undefined",
		"method on bad type":    "func (u Undefined) Code() int { return 0 }\nfunc f(u Undefined) bool { return u.Code() == -4026 }",
		"channel of codes":      "func f(r Response) bool { ch := make(chan int); ch <- r.Code; ch <- undefined; return <-ch == -4026 }",
	}
	for name, body := range broken {
		t.Run(name, func(t *testing.T) {
			src := []byte(head + body + "\n")
			c := check(t, "broken.go", src)
			if c.parseErr == nil && len(c.typeErrors) == 0 {
				t.Fatal("the file has no error: the case tests nothing")
			}
			checkFile(t, "broken.go", src) // no panic, ranges, fixes, gate
			res := runPass(t, New(&Config{}), c)
			found := false
			for _, d := range res.diagnostics {
				if harness.fset.Position(d.Pos).Line == 10 && strings.HasPrefix(d.Message, "-4019 is catalog.ErrOffsetToZero") {
					found = true
				}
			}
			if !found {
				t.Errorf("the valid comparison on line 10 is not reported despite the error; got %d diagnostics", len(res.diagnostics))
			}
		})
	}
}

// TestFixAfterKeyword: a literal right after a keyword, in code gofmt
// never saw, is replaced by a name that does not run into the keyword.
func TestFixAfterKeyword(t *testing.T) {
	src := []byte(`package c

const api = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func f(r Response) int {
	switch r.Code {
	case-4019:
		return 1
	}
	if-4026==r.Code {
		return 2
	}
	switch-4018 {
	case r.Code:
	}
	for-4017!=r.Code {
	}
	return-4016
}

func g(r Response) bool { return-4019==r.Code }
`)
	checkFile(t, "keywords.go", src) // the fixes parse and type-check
	c := check(t, "keywords.go", src)
	res := runPass(t, New(&Config{}), c)
	spaced := 0
	for _, d := range res.diagnostics {
		for _, fix := range d.SuggestedFixes {
			if strings.HasPrefix(string(fix.TextEdits[0].NewText), " catalog.") {
				spaced++
			}
		}
	}
	if spaced != 5 {
		t.Errorf("%d fixes start with a space, want 5 (case, if, switch, for, return in g)", spaced)
	}
}

// TestEmptyTypesInfo runs the pass with syntax and no type information at
// all, the extreme of partial information: nothing to report, no panic.
func TestEmptyTypesInfo(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testdata, "src", "cosclient", "client.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := harnessSetup(t)
	f, err := parser.ParseFile(fset, "client.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	c := &checked{
		src:  src,
		file: f,
		pkg:  types.NewPackage(harnessPkgPath, "cosclient"),
		info: &types.Info{
			Types:      map[ast.Expr]types.TypeAndValue{},
			Defs:       map[*ast.Ident]types.Object{},
			Uses:       map[*ast.Ident]types.Object{},
			Implicits:  map[ast.Node]types.Object{},
			Selections: map[*ast.SelectorExpr]*types.Selection{},
			Scopes:     map[ast.Node]*types.Scope{},
			Instances:  map[*ast.Ident]types.Instance{},
		},
	}
	for _, cfg := range []Config{{}, {IncludeZero: true, Generated: true}} {
		res := runPass(t, New(&cfg), c)
		if res.err != nil {
			t.Fatal(res.err)
		}
		if len(res.diagnostics) != 0 || len(res.facts) != 0 {
			t.Errorf("%d diagnostics, %d facts without type information, want none", len(res.diagnostics), len(res.facts))
		}
	}
}

// TestHugeGeneratedFile analyzes a generated file of 20,000 comparisons
// beside a hand-written one: skipped by default, every comparison
// reported with -generated.
func TestHugeGeneratedFile(t *testing.T) {
	const n = 20000
	dir := t.TempDir()
	pkg := filepath.Join(dir, "src", "huge")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	hand := "package huge\n\nconst endpoint = \"https://sh.file.myqcloud.com/files/v2/\"\n\n" +
		"type Response struct {\n\tCode    int    `json:\"code\"`\n\tMessage string `json:\"message\"`\n}\n"
	var gen strings.Builder
	gen.WriteString("// Code generated by robust_test.go. DO NOT EDIT.\n\npackage huge\n\nfunc generated(r Response) int {\n\tswitch {\n")
	for i := range n {
		fmt.Fprintf(&gen, "\tcase r.Code == -4019 && %d > 0:\n\t\treturn %d\n", i+1, i)
	}
	gen.WriteString("\t}\n\treturn -1\n}\n")
	for name, text := range map[string]string{"hand.go": hand, "gen.go": gen.String()} {
		if err := os.WriteFile(filepath.Join(pkg, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	count := func(cfg Config) (diags, facts int) {
		for _, a := range New(&cfg) {
			for _, r := range analysistest.Run(&quiet{t}, dir, a, "huge") {
				diags += len(r.Diagnostics)
				facts += len(r.Facts)
			}
		}
		return
	}
	if d, f := count(Config{}); d != 0 || f != 1 {
		t.Errorf("default: %d diagnostics and %d facts, want 0 and 1 (the envelope's field)", d, f)
	}
	if d, _ := count(Config{Generated: true}); d != n {
		t.Errorf("-generated: %d diagnostics, want %d", d, n)
	}
}

// quiet lets a test run analysistest and judge the outcome itself:
// unmet or unexpected expectations are not failures.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(format string, args ...any) {}
