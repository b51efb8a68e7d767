package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/errcodelint/errcodelint/catalog"
)

// The harness type-checks one file as a package and runs a pass on it the
// way the drivers do, but also when the file does not parse or type-check
// (as editors run analyzers): the analyzer must then cope with partial
// syntax and partial TypesInfo.

// harnessImports are the packages a harness file can import; any other
// import is an error, which leaves the file's TypesInfo partial.
var harnessImports = []string{
	catalog.ImportPath, "net/http", "errors", "fmt", "strings", "strconv",
	"encoding/json", "context", "time", "sync", "os", "io", "log",
}

var harness struct {
	once sync.Once
	fset *token.FileSet
	pkgs map[string]*types.Package
	err  error
}

// harnessSetup loads the importable packages from export data, once per
// process, into the file set all harness files share.
func harnessSetup(tb testing.TB) *token.FileSet {
	tb.Helper()
	harness.once.Do(func() {
		harness.fset = token.NewFileSet()
		cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps, Fset: harness.fset}
		pkgs, err := packages.Load(cfg, harnessImports...)
		if err != nil {
			harness.err = err
			return
		}
		harness.pkgs = map[string]*types.Package{"unsafe": types.Unsafe}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if p.Types != nil {
				harness.pkgs[p.PkgPath] = p.Types
			}
		})
		for _, path := range harnessImports {
			if harness.pkgs[path] == nil {
				harness.err = fmt.Errorf("harness: %s did not load", path)
			}
		}
	})
	if harness.err != nil {
		tb.Fatal(harness.err)
	}
	return harness.fset
}

// checked is one file, parsed and type-checked as much as it could be.
type checked struct {
	src        []byte
	file       *ast.File
	pkg        *types.Package
	info       *types.Info
	parseErr   error
	typeErrors []types.Error
}

const harnessPkgPath = "example.com/fuzz"

// check parses and type-checks src; file is nil only when nothing parsed.
func check(tb testing.TB, name string, src []byte) *checked {
	fset := harnessSetup(tb)
	c := &checked{src: src}
	c.file, c.parseErr = parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if c.file == nil {
		return c
	}
	// Keep the shared file set from growing with every fuzz input.
	tb.Cleanup(func() { fset.RemoveFile(fset.File(c.file.FileStart)) })
	c.info = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Instances:    make(map[*ast.Ident]types.Instance),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := harness.pkgs[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("harness: %s is not importable", path)
		}),
		FakeImportC: true, // cgo files type-check as the drivers' cgo processing would let them
		Sizes:       types.SizesFor("gc", "amd64"),
		Error:       func(err error) { c.typeErrors = append(c.typeErrors, err.(types.Error)) },
	}
	func() {
		// go/types itself panics on some invalid generic declarations
		// (golang/go#79655: type A[B A[int]] = B); so do the compiler and
		// every driver, before any analyzer runs. Such a file is not the
		// analyzer's to handle.
		defer func() {
			if r := recover(); r != nil {
				c.pkg = nil
			}
		}()
		c.pkg, _ = conf.Check(harnessPkgPath, fset, []*ast.File{c.file}, c.info)
	}()
	return c
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// clean reports whether the file parsed and type-checked without error.
func (c *checked) clean() bool {
	return c.file != nil && c.parseErr == nil && len(c.typeErrors) == 0
}

// passResult is what one pass produced.
type passResult struct {
	diagnostics []analysis.Diagnostic
	facts       []string // "object: fact", sorted
	err         error
}

// runPass runs the analyzers of a suite on the checked file with
// in-memory facts (driver_test.go).
func runPass(tb testing.TB, suite []*analysis.Analyzer, c *checked) passResult {
	tb.Helper()
	var res passResult
	d := newMemDriver(tb)
	name := harness.fset.File(c.file.FileStart).Name()
	u := unit{
		fset: harness.fset, files: []*ast.File{c.file}, pkg: c.pkg, info: c.info, typeErrors: c.typeErrors,
		readFile: func(filename string) ([]byte, error) {
			if filename == name {
				return c.src, nil
			}
			return nil, fs.ErrNotExist
		},
	}
	res.err = d.run(suite, u, func(diag analysis.Diagnostic) { res.diagnostics = append(res.diagnostics, diag) })
	res.facts = d.describeFacts()
	slices.SortStableFunc(res.diagnostics, func(a, b analysis.Diagnostic) int { return int(a.Pos) - int(b.Pos) })
	return res
}

// describe renders a diagnostic with its fixes for comparisons.
func describeDiagnostic(fset *token.FileSet, d analysis.Diagnostic) string {
	s := fmt.Sprintf("%s-%s: [%s] %s", fset.Position(d.Pos), fset.Position(d.End), d.Category, d.Message)
	for _, fix := range d.SuggestedFixes {
		s += " | " + fix.Message
		for _, e := range fix.TextEdits {
			s += fmt.Sprintf(" %d-%d:%q", fset.Position(e.Pos).Offset, fset.Position(e.End).Offset, e.NewText)
		}
	}
	return s
}

// clampToFile returns end, or the end of tf when end lies just beyond it:
// in files with syntax errors the parser invents closing tokens there, and
// the drivers accept such ranges, truncated (golang/go#71659).
func clampToFile(tf *token.File, end token.Pos) token.Pos {
	fileEnd := token.Pos(tf.Base() + tf.Size())
	if end > fileEnd && end < fileEnd+10 {
		return fileEnd
	}
	return end
}

// applyEdits applies edits to src; it fails on edits outside the file or
// overlapping ones. Identical edits (two fixes adding the same import)
// apply once, as the drivers merge them.
func applyEdits(tf *token.File, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		end = clampToFile(tf, end)
		if !e.Pos.IsValid() || int(e.Pos) < tf.Base() || int(end) > tf.Base()+tf.Size() || end < e.Pos {
			return nil, fmt.Errorf("edit %v-%v %q outside the file or reversed", e.Pos, e.End, e.NewText)
		}
		s := span{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)}
		if !slices.Contains(spans, s) {
			spans = append(spans, s)
		}
	}
	slices.SortFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	var out bytes.Buffer
	last := 0
	for _, s := range spans {
		if s.start < last {
			return nil, fmt.Errorf("overlapping edits at offset %d", s.start)
		}
		out.Write(src[last:s.start])
		out.WriteString(s.text)
		last = s.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// checkFile runs the analyzer on src in both loading regimes and with and
// without the relevance gate, with two configurations, and checks that
// nothing panics, that diagnostics lie in the file, that the gate changes
// nothing, and that the suggested fixes apply to code that still parses,
// and type-checks when the original did.
func checkFile(t *testing.T, name string, src []byte) {
	c := check(t, name, src)
	if c.file == nil || c.pkg == nil {
		return
	}
	fset := harness.fset
	tf := fset.File(c.file.FileStart)
	for _, cfg := range []Config{{}, {IncludeZero: true, Generated: true}} {
		c1, c2 := cfg, cfg
		res := runPass(t, New(&c1), c)
		if res.err != nil {
			t.Fatalf("%+v: run: %v", cfg, res.err)
		}
		ref := runPass(t, ungated(&c2), c)
		var got, want []string
		for _, d := range res.diagnostics {
			got = append(got, describeDiagnostic(fset, d))
		}
		for _, d := range ref.diagnostics {
			want = append(want, describeDiagnostic(fset, d))
		}
		if !slices.Equal(got, want) || !slices.Equal(res.facts, ref.facts) {
			t.Fatalf("%+v: the relevance gate changes the outcome:\nwith:    %q %q\nwithout: %q %q", cfg, got, res.facts, want, ref.facts)
		}
		var all []analysis.TextEdit
		for _, d := range res.diagnostics {
			if end := clampToFile(tf, d.End); !d.Pos.IsValid() || fset.File(d.Pos) != tf || end.IsValid() && (end < d.Pos || fset.File(end) != tf) {
				t.Fatalf("%+v: diagnostic %q has range %v-%v outside the file", cfg, d.Message, d.Pos, d.End)
			}
			for _, fix := range d.SuggestedFixes {
				fixed, err := applyEdits(tf, src, fix.TextEdits)
				if err != nil {
					t.Fatalf("%+v: fix %q: %v", cfg, fix.Message, err)
				}
				checkFixed(t, c, fix.Message, fixed)
				all = append(all, fix.TextEdits...)
			}
		}
		if len(all) > 0 {
			if fixed, err := applyEdits(tf, src, all); err == nil {
				checkFixed(t, c, "all fixes", fixed)
			}
		}
	}
}

func checkFixed(t *testing.T, orig *checked, what string, fixed []byte) {
	if orig.parseErr != nil {
		return
	}
	c := check(t, "fixed.go", fixed)
	if c.parseErr != nil {
		t.Fatalf("after %s the file does not parse: %v\n%s", what, c.parseErr, fixed)
	}
	if orig.clean() && !c.clean() {
		t.Fatalf("after %s the file does not type-check: %v\n%s", what, c.typeErrors, fixed)
	}
}

// fuzzSeeds are files that exercise what the fixtures do not: one-file COS
// clients (so that fixes get type-checked), generics, aliases, constants
// of every kind, cgo, build tags and code that does not compile.
var fuzzSeeds = []string{
	// A whole client in one file, with a fix that needs the catalog import.
	`package c

import "net/http"

const api = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func f(r Response, h *http.Response) bool {
	switch r.Code {
	case -4019, -4026, 0:
		return true
	case -4099:
	}
	return r.Code == -(4018) || h.StatusCode == 404 || -71 == r.Code || r.Code != int(-61)
}
`,
	// The name catalog is taken where the fix goes.
	`package c

const api = "https://sh.file.myqcloud.com/files/v1/"

type Response struct {
	Code    int64  ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"msg\"`" + `
}

func f(r Response) bool {
	catalog := 3
	return r.Code == -4019 && catalog > 0
}
`,
	// Generics and aliases.
	`package c

import "github.com/errcodelint/errcodelint/catalog"

type Envelope[T any] struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
	Data    T
}

type Alias = Envelope[string]
type Generic[T any] = Envelope[T]

func code[T ~int | ~int32](v T) T { return v }

func f(e Alias, g Generic[int], p *Envelope[[]byte]) bool {
	if e.Code == catalog.ErrOffsetToZero {
		return true
	}
	return code(e.Code) == -4019 || g.Code == -4026 || p.Code == 42 || code[int32](-4019) == int32(e.Code)
}
`,
	// Untyped, typed and shifted constants, iota, overflow at the edges.
	`package c

const api = "upload_slice_init"

type RetCode int32

type Response struct {
	Code    RetCode ` + "`json:\"code\"`" + `
	Message string  ` + "`json:\"message\"`" + `
}

const (
	a         = 1 << 62
	b RetCode = -4019
	c         = -(1 << 12)
	d         = iota - 4020
	e uint8   = 255
)

func f(r Response, u uint64, s int8) bool {
	return r.Code == b || r.Code == c || r.Code == d || r.Code == -4019>>0 || r.Code == 1<<30 ||
		r.Code == 'x' || r.Code == RetCode(e) || u == a<<1 || s == -128 || r.Code == 0x7fffffff
}
`,
	// Overflowing literals and other type errors.
	`package c

const api = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int8   ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func f(r Response, x undefined) bool {
	var big = 1 << 100
	return r.Code == -4019 || r.Code == 1<<70 || x.Code == -4019 || r.Missing == 3 || big == r.Code
}
`,
	// cgo.
	`package c

/*
#include <errno.h>
*/
import "C"

const api = "upload_slice_data"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func f(r Response) bool { return r.Code == C.ENOENT || r.Code == -4019 || int(C.EINTR) == r.Code }
`,
	// Build tags, directives, a generated file.
	`// Code generated by hand. DO NOT EDIT.

//go:build linux && !windows

package c

const api = "upload_slice_finish"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + ` //errcodelint:code
	Message string ` + "`json:\"message\"`" + `
}

//errcodelint:code http
var status int

//errcodelint:ignore
//errcodelint:bogus x
func f(r Response) bool {
	return r.Code == -4019 || status == 404 //errcodelint:ignore generated on purpose
}
`,
	// Syntax errors.
	`package c

const api = "https://sh.file.myqcloud.com/files/v2/"

type Response struct { Code int ` + "`json:\"code\"`" + `; Message string ` + "`json:\"message\"`" + ` }

func f(r Response) bool {
	if r.Code == -4019 {
	return r.Code ==
}
`,
	`package c; func f() { switch x := 1; { case -4019: } }`,
	`package c; var _ = map[int]int{-4019: 1}[-4026]`,
}

const hangLimit = 20 * time.Second

func FuzzAnalyzer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	// Every fixture and corpus file is a seed too.
	for _, dir := range []string{filepath.Join("..", "testdata", "src"), filepath.Join("..", "testdata", "corpus")} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			if strings.Contains(filepath.ToSlash(path), "/github.com/errcodelint/") {
				return nil // the catalog, linked in
			}
			src, err := os.ReadFile(path)
			if err == nil {
				f.Add(src)
			}
			return err
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// An input that takes this long hangs the fuzzing worker, which
		// then loses it; crash the worker instead so that the input is
		// kept. (Not a timing test: every seed takes milliseconds.)
		watchdog := time.AfterFunc(hangLimit, func() {
			panic(fmt.Sprintf("FuzzAnalyzer: an input takes over %v: %q", hangLimit, src))
		})
		defer watchdog.Stop()
		checkFile(t, "fuzz.go", src)
	})
}
