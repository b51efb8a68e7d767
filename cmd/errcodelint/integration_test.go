package main_test

// End-to-end tests of the built errcodelint binary on the shared fixture
// module (testdata/integration/cosclient): standalone, go vet -vettool and
// go fix -fixtool. The golangci-lint and gopls builds are tested on the
// same fixture in ../../integration.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/internal/fixture"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds errcodelint once per test run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the errcodelint binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "errcodelint-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "errcodelint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building errcodelint: %v", buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// jsonDiagnostic is a diagnostic in the -json output of the analysis
// drivers (errcodelint -json, go vet -json).
type jsonDiagnostic struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// parseJSON decodes the -json output: one object per package, keyed by
// package path then analyzer name.
func parseJSON(t *testing.T, out string) ([]fixture.Finding, []jsonDiagnostic) {
	t.Helper()
	var (
		findings []fixture.Finding
		diags    []jsonDiagnostic
	)
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decoding -json output: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				if !slices.Contains(analyzer.Names, name) {
					t.Errorf("%s: unexpected analyzer %q", pkg, name)
				}
				var ds []jsonDiagnostic
				if err := json.Unmarshal(raw, &ds); err != nil {
					t.Fatalf("%s: %s: %v (an analysis error?)", pkg, raw, err)
				}
				for _, d := range ds {
					fs := fixture.ParseText(d.Posn + ": " + d.Message)
					if len(fs) != 1 {
						t.Fatalf("bad posn %q", d.Posn)
					}
					findings = append(findings, fs[0])
				}
				diags = append(diags, ds...)
			}
		}
	}
	return findings, diags
}

func TestStandalone(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)

	t.Run("default", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, bin, "./...")
		r.WantCode(t, 3)
		fixture.Check(t, fixture.ParseText(r.Stderr))
		if r.Stdout != "" {
			t.Errorf("stdout %q, want it empty", r.Stdout)
		}
	})
	t.Run("flags", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, bin, "-include-zero", "-sources="+fixture.SourceName, "./...")
		r.WantCode(t, 3)
		fixture.Check(t, fixture.ParseText(r.Stderr), fixture.IncludeZero, fixture.Sources)
	})
	t.Run("json and prefixed flags", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, bin, "-json", "-errcodelint.include-zero", "./...")
		r.WantCode(t, 0) // -json always exits 0
		findings, diags := parseJSON(t, r.Stdout)
		fixture.Check(t, findings, fixture.IncludeZero)
		for _, d := range diags {
			if d.Category != "magic-code" {
				continue // the other checks' fixes are tested in their packages
			}
			// golangci-lint applies every fix it is offered: one each.
			if len(d.SuggestedFixes) != 1 {
				t.Errorf("%s: %d suggested fixes, want 1", d.Posn, len(d.SuggestedFixes))
				continue
			}
			if fix := d.SuggestedFixes[0].Message; !strings.HasPrefix(fix, "Replace ") || !strings.Contains(fix, "with catalog.") {
				t.Errorf("%s: fix %q, want Replace LITERAL with catalog.NAME", d.Posn, fix)
			}
		}
	})
	t.Run("check turned off by name", func(t *testing.T) {
		for _, check := range fixture.Checks(t) {
			r := fixture.Run(t, dir, nil, bin, "-"+check+"=false", "./...")
			r.WantCode(t, 3)
			fixture.CheckWithout(t, fixture.ParseText(r.Stderr), check)
			r = fixture.Run(t, dir, nil, bin, "-"+check, "./...")
			r.WantCode(t, 3)
			fixture.CheckOnly(t, fixture.ParseText(r.Stderr), check)
		}
	})
	t.Run("diff", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, bin, "-fix", "-diff", "./...")
		r.WantCode(t, 0)
		for _, line := range []string{
			"+++ " + filepath.Join(dir, "slice.go") + " (new)",
			"+\t\"github.com/errcodelint/errcodelint/catalog\"",
			"-\tif r.Code == -4019 {",
			"+\tif r.Code == catalog.ErrOffsetToZero {",
		} {
			if !strings.Contains(r.Stdout, line) {
				t.Errorf("-diff output lacks %q", line)
			}
		}
		fixture.CheckFixed(t, dir) // -diff changes nothing
	})
}

func TestStandaloneFix(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	for _, tc := range []struct {
		name     string
		flags    []string
		settings []string
	}{
		{"default", nil, nil},
		{"all settings", []string{"-include-zero", "-sources=" + fixture.SourceName}, []string{fixture.IncludeZero, fixture.Sources}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := fixture.Copy(t)
			r := fixture.Run(t, dir, nil, bin, append(append([]string{"-fix"}, tc.flags...), "./...")...)
			r.WantCode(t, 0)
			fixture.CheckFixed(t, dir, fixture.FixedFiles(t, tc.settings...)...)

			// Nothing left to report but the findings no fix answers.
			if tc.flags == nil {
				return
			}
			flags := slices.Clone(tc.flags)
			for _, check := range fixture.Fixless {
				flags = append(flags, "-"+check+"=false")
			}
			r = fixture.Run(t, dir, nil, bin, append(flags, "./...")...)
			r.WantCode(t, 0)
			if r.Stdout != "" || r.Stderr != "" {
				t.Errorf("after -fix: output %q %q, want none", r.Stdout, r.Stderr)
			}
		})
	}
}

func TestStandaloneErrors(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown flag", []string{"-bogus", "./..."}, 2, "flag provided but not defined: -bogus"},
		{"bad sources", []string{"-sources=Code", "./..."}, 2, `invalid value "Code" for flag -sources: source "Code": want a qualified name`},
		{"bad domain", []string{"-sources=grpc:example.com/cos.Response.Code", "./..."}, 2, "invalid value"},
		{"no packages", []string{"./nosuchdir/..."}, 1, "errcodelint: ./nosuchdir/...: no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := fixture.Run(t, dir, nil, bin, tc.args...)
			r.WantCode(t, tc.code)
			if !strings.Contains(r.Stderr, tc.want) {
				t.Errorf("stderr lacks %q", tc.want)
			}
		})
	}

	t.Run("type error", func(t *testing.T) {
		dir := fixture.Copy(t)
		if err := os.WriteFile(filepath.Join(dir, "broken.go"), []byte("package cosclient\n\nvar broken int = \"x\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := fixture.Run(t, dir, nil, bin, "./...")
		// The analyzers run despite type errors (as editors need): the
		// error is printed, and so are the findings.
		r.WantCode(t, 3)
		if !strings.Contains(r.Stderr, "broken.go:3:") {
			t.Errorf("stderr lacks the type error")
		}
		var findings []fixture.Finding
		for _, f := range fixture.ParseText(r.Stderr) {
			if f.File != "broken.go" {
				findings = append(findings, f)
			}
		}
		fixture.Check(t, findings)
	})
}

func TestGoVet(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)
	vettool := "-vettool=" + bin

	t.Run("default", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, "go", "vet", vettool, "./...")
		r.WantCode(t, 1) // go vet exits 1 on any diagnostic
		fixture.Check(t, fixture.ParseText(r.Stderr))
	})
	t.Run("analyzer flags", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, "go", "vet", vettool, "-errcodelint.include-zero", "-errcodelint.sources="+fixture.SourceName, "./...")
		r.WantCode(t, 1)
		fixture.Check(t, fixture.ParseText(r.Stderr), fixture.IncludeZero, fixture.Sources)
	})
	t.Run("json and unprefixed flags", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, "go", "vet", vettool, "-json", "-include-zero", "./...")
		r.WantCode(t, 0) // -json always exits 0
		findings, _ := parseJSON(t, r.Stdout)
		fixture.Check(t, findings, fixture.IncludeZero)
	})
	t.Run("analyzer-prefixed flags", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, "go", "vet", vettool, "-codeconst.include-zero", "-coscodes.sources="+fixture.SourceName, "./...")
		r.WantCode(t, 1)
		fixture.Check(t, fixture.ParseText(r.Stderr), fixture.IncludeZero, fixture.Sources)
	})
	t.Run("check turned off by name", func(t *testing.T) {
		for _, check := range fixture.Checks(t) {
			r := fixture.Run(t, dir, nil, "go", "vet", vettool, "-"+check+"=false", "./...")
			r.WantCode(t, 1)
			fixture.CheckWithout(t, fixture.ParseText(r.Stderr), check)
		}
	})
	t.Run("unknown flag", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, "go", "vet", vettool, "-errcodelint.bogus", "./...")
		r.WantCode(t, 2)
		if !strings.Contains(r.Stderr, "flag provided but not defined: -errcodelint.bogus") {
			t.Errorf("stderr lacks the unknown flag")
		}
	})
	t.Run("bad flag value", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, "go", "vet", vettool, "-errcodelint.sources=Code", "./...")
		if r.Code == 0 {
			t.Errorf("exit code 0, want non-zero")
		}
		if !strings.Contains(r.Stderr, "want a qualified name") {
			t.Errorf("stderr lacks the -sources error")
		}
	})
}

func TestGoFix(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	fixtool := "-fixtool=" + bin

	t.Run("diff", func(t *testing.T) {
		dir := fixture.Copy(t)
		r := fixture.Run(t, dir, nil, "go", "fix", fixtool, "-diff", "./...")
		r.WantCode(t, 1) // go fix -diff exits 1 when there is a diff
		if !strings.Contains(r.Stdout, "+\tif r.Code == catalog.ErrOffsetToZero {") {
			t.Errorf("go fix -diff output lacks the fix")
		}
		fixture.CheckFixed(t, dir)
	})
	t.Run("analyzer flags", func(t *testing.T) {
		dir := fixture.Copy(t)
		r := fixture.Run(t, dir, nil, "go", "fix", fixtool, "-errcodelint.include-zero", "-errcodelint.sources="+fixture.SourceName, "./...")
		r.WantCode(t, 0)
		fixture.CheckFixed(t, dir, fixture.FixedFiles(t, fixture.IncludeZero, fixture.Sources)...)
	})
}

// TestFixesMergedPerFile checks that -fix hands the driver one fix per
// file (batchfix.go), whose cost is linear in the number of edits, where
// one per finding costs time quadratic in their number: "applied 1 fix"
// for a file of 2,000 findings, and the file fixed and building.
// TestFixDropsTheBOMAsGofmt pins what -fix does to a file that starts
// with a byte-order mark: the driver formats the fixed file (go/format),
// which drops the mark, as gofmt does; the rest is the golden file, and
// the package still builds.
func TestFixDropsTheBOMAsGofmt(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)
	slice := filepath.Join(dir, "slice.go")
	data, err := os.ReadFile(slice)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(slice, append([]byte("\ufeff"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := fixture.Run(t, dir, nil, "gofmt", "-l", "slice.go"); !strings.Contains(out.Stdout, "slice.go") {
		t.Fatalf("gofmt -l does not list a file with a BOM: %q", out.Stdout)
	}
	fixture.Run(t, dir, nil, bin, "-fix", "./...").WantCode(t, 0)
	fixture.CheckFixed(t, dir, fixture.FixedFiles(t)...)
	fixture.Go(t, dir, "vet", "./...")
}

func TestFixesMergedPerFile(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)
	var src strings.Builder
	src.WriteString("package cosclient\n\nfunc many(r *Response) int {\n\tn := 0\n")
	const n = 2000
	for range n {
		src.WriteString("\tif r.Code == -4026 {\n\t\tn++\n\t}\n")
	}
	src.WriteString("\treturn n\n}\n")
	if err := os.WriteFile(filepath.Join(dir, "many.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := fixture.Run(t, dir, nil, bin, "-fix", "-debug=v", "./...")
	r.WantCode(t, 0)
	if !strings.Contains(r.Stderr, "applied 3 fixes, updated 3 files") { // one each for many.go, slice.go and upload.go
		t.Errorf("-fix -debug=v does not report one fix per file")
	}
	data, err := os.ReadFile(filepath.Join(dir, "many.go"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(data), "r.Code == catalog.ErrOffsetBackTooMuch"); got != n {
		t.Errorf("%d of %d comparisons fixed", got, n)
	}
	fixture.Go(t, dir, "build", "./...")
}

// variantsModule is a COS client whose test file declares catalog at
// package level: a fix that imported the catalog as catalog into cos.go
// would break go test ("catalog already declared through import of
// package catalog").
var variantsModule = map[string]string{
	"cos.go": `package cos

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func Restart(r Response) bool { return r.Code == -4019 }
`,
	"cos_test.go": `package cos

import "testing"

var catalog = map[string]Response{"broken": {Code: -4019}}

func TestRestart(t *testing.T) {
	if !Restart(catalog["broken"]) {
		t.Fail()
	}
}
`,
}

// writeModule writes a module that requires the catalog (replaced by this
// checkout's) and holds files.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	catalog, err := filepath.Abs(filepath.Join(fixture.Root(), "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = "module example.com/cos\n\ngo 1.26\n\nrequire " + fixture.CatalogModule + " v0.0.0\n\nreplace " + fixture.CatalogModule + " => " + catalog + "\n"
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFixCompilesWithTests runs -fix, and go fix -fixtool, on a package
// whose test file declares catalog, then go vet and go test: the fix must
// compile in the package with and without its tests.
func TestFixCompilesWithTests(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	for _, tc := range []struct {
		name string
		cmd  string
		args []string
	}{
		{"standalone", bin, []string{"-fix", "./..."}},
		{"go fix", "go", []string{"fix", "-fixtool=" + bin, "./..."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeModule(t, maps.Clone(variantsModule))
			fixture.Run(t, dir, nil, tc.cmd, tc.args...).WantCode(t, 0)
			data, err := os.ReadFile(filepath.Join(dir, "cos.go"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), "r.Code == coscatalog.ErrOffsetToZero") {
				t.Errorf("cos.go after the fix:\n%s\nwant the catalog imported as coscatalog", data)
			}
			fixture.Go(t, dir, "vet", "./...")
			fixture.Go(t, dir, "test", "./...")
		})
	}
}

// TestSourcesMatchingNothing checks that -sources names that match no
// declaration that can hold codes stop errcodelint with one line each
// (exit 2), and under go vet give one warning per run, not per package.
func TestSourcesMatchingNothing(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)
	bad := map[string]string{
		"example.com/cosclient.sliceStatus.Valeu": "type sliceStatus has no field or method Valeu; did you mean Value?",
		"example.com/cosclient.Reply.Code":        "package example.com/cosclient declares no Reply",
		"example.com/nosuch.Reply.Ret":            "no package example.com/nosuch among this module's packages and their dependencies",
		"example.com/cosclient.Response.Data":     "a field of type encoding/json.RawMessage, which cannot hold a response code",
	}
	var names []string
	for name := range bad {
		names = append(names, name)
	}
	slices.Sort(names)
	// With a good name among them, and string fields allowed.
	flag := "-sources=" + fixture.SourceName + ",example.com/cosclient.Response.Message," + strings.Join(names, ",")
	r := fixture.Run(t, dir, nil, bin, flag, "./...")
	r.WantCode(t, 2)
	lines := strings.Split(strings.TrimSuffix(r.Stderr, "\n"), "\n")
	if len(lines) != len(bad) {
		t.Errorf("%d lines, want one per bad name (%d)", len(lines), len(bad))
	}
	for name, want := range bad {
		if !strings.Contains(r.Stderr, "errcodelint: -sources: source "+name+": "+want) {
			t.Errorf("stderr lacks %q for %s", want, name)
		}
	}
	// The good names alone are fine.
	r = fixture.Run(t, dir, nil, bin, "-sources="+fixture.SourceName+",example.com/cosclient.Response.Message", "./...")
	r.WantCode(t, 3)
	fixture.Check(t, fixture.ParseText(r.Stderr), fixture.Sources)

	// go vet runs errcodelint once per package: one warning for the run.
	mod := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nimport _ \"example.com/cos/b\"\n",
		"b/b.go": "package b\n\nimport _ \"example.com/cos/c\"\n",
		"c/c.go": "package c\n",
	})
	r = fixture.Run(t, mod, nil, "go", "vet", "-vettool="+bin, "-errcodelint.sources=example.com/cos/c.Reply.Ret", "./...")
	r.WantCode(t, 0)
	if n := strings.Count(r.Stderr, "errcodelint: warning: -sources (ignored): source example.com/cos/c.Reply.Ret: package example.com/cos/c declares no Reply"); n != 1 {
		t.Errorf("%d warnings, want 1", n)
	}
}

// TestFixWithOlderCatalog checks that a fix never names a constant the
// catalog the module builds with lacks (an older catalog than
// errcodelint's): the finding says to upgrade, without a fix, and the
// module still builds after -fix.
func TestFixWithOlderCatalog(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	// A catalog without ErrOffsetToZero.
	old := filepath.Join(t.TempDir(), "catalog")
	if err := os.CopyFS(old, os.DirFS(filepath.Join(fixture.Root(), "catalog"))); err != nil {
		t.Fatal(err)
	}
	gen := filepath.Join(old, "codes_gen.go")
	data, err := os.ReadFile(gen)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gen, bytes.ReplaceAll(data, []byte("ErrOffsetToZero"), []byte("ErrOffsetToZeroLater")), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, map[string]string{"cos.go": `package cos

import "github.com/errcodelint/errcodelint/catalog"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func Restart(r Response) bool {
	return r.Code == -4019 || r.Code == -4026 || r.Code == catalog.ErrOffsetRedo
}
`})
	fixture.Go(t, dir, "mod", "edit", "-replace="+fixture.CatalogModule+"="+old)
	r := fixture.Run(t, dir, nil, bin, "./...")
	r.WantCode(t, 3)
	if !strings.Contains(r.Stderr, "-4019 is catalog.ErrOffsetToZero") || !strings.Contains(r.Stderr, "has no ErrOffsetToZero: upgrade "+fixture.CatalogModule) {
		t.Errorf("the finding of -4019 does not say to upgrade the catalog")
	}
	fixture.Run(t, dir, nil, bin, "-fix", "./...").WantCode(t, 0)
	fixed, err := os.ReadFile(filepath.Join(dir, "cos.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "r.Code == -4019 || r.Code == catalog.ErrOffsetBackTooMuch") {
		t.Errorf("after -fix:\n%s\nwant -4026 named and -4019 left", fixed)
	}
	fixture.Go(t, dir, "build", "./...")
}
