package golangci_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/plugin/golangci"
)

// settings parses YAML-like settings as golangci-lint hands them over: a
// map[string]any after its own decoding (keys lower-cased).
func settings(t *testing.T, js string) any {
	t.Helper()
	if js == "" {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("errcodelint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, analyzer.Names) {
		t.Fatalf("BuildAnalyzers() = %v, want errcodelint's analyzers %v", names, analyzer.Names)
	}
	if got := flagOf(t, as, "include-zero").Value.String(); got != "false" {
		t.Errorf("default include-zero = %s, want false", got)
	}
}

// flagOf returns the flag of that name of one of the analyzers.
func flagOf(t *testing.T, as []*analysis.Analyzer, name string) *flag.Flag {
	t.Helper()
	for _, a := range as {
		if f := a.Flags.Lookup(name); f != nil {
			return f
		}
	}
	t.Fatalf("no analyzer has a flag %s", name)
	return nil
}

// TestDisable checks that a check named in disable is not built, and
// that a name that is no check is an error.
func TestDisable(t *testing.T) {
	p, err := golangci.New(settings(t, `{"disable": ["reuploadretry"]}`))
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Name == "reuploadretry" {
			t.Error("reuploadretry built although disabled")
		}
	}
	if len(as) != len(analyzer.Names)-1 {
		t.Errorf("%d analyzers, want %d", len(as), len(analyzer.Names)-1)
	}
	for _, bad := range []string{`{"disable": ["reupload-retry"]}`, `{"disable": ["coscodes"]}`} {
		if _, err := golangci.New(settings(t, bad)); err == nil || !strings.Contains(err.Error(), "is not a check") {
			t.Errorf("New(%s) error = %v, want \"is not a check\"", bad, err)
		}
	}
}

func TestSettings(t *testing.T) {
	raw := settings(t, `{
		"include-zero": true,
		"generated": true,
		"sources": [
			{"name": "example.com/cos.Response.Code"},
			{"name": "example.com/cos.Result.Status", "domain": "http"}
		]
	}`)
	p, err := golangci.New(raw)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for flag, want := range map[string]string{
		"include-zero": "true",
		"generated":    "true",
		"sources":      "example.com/cos.Response.Code,http:example.com/cos.Result.Status",
	} {
		if got := flagOf(t, as, flag).Value.String(); got != want {
			t.Errorf("flag %s = %q, want %q", flag, got, want)
		}
	}

	// Each BuildAnalyzers call gets its own analyzers and configuration:
	// setting a flag on one must not leak into the other or into the
	// package-level analyzers.
	as2, _ := p.BuildAnalyzers()
	for i := range as {
		if as2[i] == as[i] {
			t.Errorf("BuildAnalyzers returned %s twice", as[i].Name)
		}
	}
}

func TestInvalidSettings(t *testing.T) {
	for _, tc := range []struct {
		name, settings, want string
	}{
		{"unknown key", `{"include_zero": true}`, `unknown field "include_zero"`},
		{"map of sources", `{"sources": {"example.com/cos.Response.Code": "code"}}`, "cannot unmarshal object"},
		{"map of sources hint", `{"sources": {"example.com/cos.Response.Code": "code"}}`, "sources: a list of {name: "},
		{"wrong type", `{"generated": "yes"}`, "cannot unmarshal string"},
		{"bad domain", `{"sources": [{"name": "example.com/cos.Response.Code", "domain": "grpc"}]}`, `domain "grpc" is neither`},
		{"unqualified name", `{"sources": [{"name": "Code"}]}`, "want a qualified name"},
		{"unknown source key", `{"sources": [{"name": "example.com/cos.Response.Code", "kind": "http"}]}`, `unknown field "kind"`},
	} {
		for _, linter := range linters() {
			t.Run(tc.name+"/"+linter, func(t *testing.T) {
				newPlugin, err := register.GetPlugin(linter)
				if err != nil {
					t.Fatal(err)
				}
				_, err = newPlugin(settings(t, tc.settings))
				if err == nil {
					t.Fatalf("%s(%s) succeeded, want an error", linter, tc.settings)
				}
				if !strings.Contains(err.Error(), "errcodelint: invalid settings") || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s(%s) error = %q, want it to mention %q", linter, tc.settings, err, tc.want)
				}
			})
		}
	}
}

// linters are the names the plugin registers.
func linters() []string {
	names := []string{golangci.Name}
	for _, c := range golangci.Categories {
		names = append(names, golangci.CategoryLinter(c))
	}
	return names
}

// build returns the analyzers of the named linter with the given settings.
func build(t *testing.T, name, js string) []*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings(t, js))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("%s: GetLoadMode() = %q, want %q", name, got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// testdata is the analyzers' fixtures directory (testdata/src/<import path>).
var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// diagnostics runs analyzers, as golangci-lint does, on fixture packages
// and returns what they report.
func diagnostics(t *testing.T, analyzers []*analysis.Analyzer, pkgs ...string) []analysis.Diagnostic {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdata, "src"),
		Env:  append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(loaded); n > 0 {
		t.Fatalf("%d errors loading %v", n, pkgs)
	}
	graph, err := checker.Analyze(analyzers, loaded, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []analysis.Diagnostic
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		out = append(out, act.Diagnostics...)
	}
	return out
}

// TestLinterNames checks what golangci-lint needs of the analyzers'
// names: identifiers (it validates them), and a category linter's equal
// to the linter's (else it prefixes every message with the analyzer's).
func TestLinterNames(t *testing.T) {
	for _, c := range golangci.Categories {
		name := golangci.CategoryLinter(c)
		as := build(t, name, "")
		if err := analysis.Validate(as); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if len(as) != 1 || as[0].Name != name {
			t.Errorf("linter %s has analyzers %v, want one of the same name", name, as)
		}
	}
	if got := golangci.CategoryLinter("reupload-retry"); got != "errcodelint_reupload_retry" {
		t.Errorf("CategoryLinter(reupload-retry) = %s", got)
	}
}

// TestEveryCategoryHasALinter checks that every diagnostic errcodelint's
// analyzers report on the fixtures has a category with a linter: a
// category without one would be reported by no category linter.
func TestEveryCategoryHasALinter(t *testing.T) {
	t.Parallel()
	var pkgs []string
	src := filepath.Join(testdata, "src")
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); len(gos) > 0 {
			rel, _ := filepath.Rel(src, path)
			pkgs = append(pkgs, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range diagnostics(t, analyzer.New(&analyzer.Config{}), pkgs...) {
		if !slices.Contains(golangci.Categories, d.Category) && !seen[d.Category] {
			t.Errorf("category %q (%s) has no linter", d.Category, d.Message)
		}
		seen[d.Category] = true
	}
}

// TestRelatedFolded checks that no diagnostic reaches golangci-lint with
// related information (it would become an issue of its own, not silenced
// by //nolint on the finding's line): the information is in the message.
func TestRelatedFolded(t *testing.T) {
	t.Parallel()
	direct := diagnostics(t, analyzer.New(&analyzer.Config{}), "reuploadretry")
	related := 0
	for _, d := range direct {
		related += len(d.Related)
	}
	if related == 0 {
		t.Fatal("the fixture has no related information: the test tests nothing")
	}
	at := regexp.MustCompile(` \(the [a-z -]+ at line \d+\)$`)
	for _, name := range []string{golangci.Name, golangci.CategoryLinter("reupload-retry")} {
		folded := diagnostics(t, build(t, name, ""), "reuploadretry")
		if name != golangci.Name {
			direct = slices.DeleteFunc(direct, func(d analysis.Diagnostic) bool { return d.Category != "reupload-retry" })
		}
		if len(folded) != len(direct) {
			t.Fatalf("%s: %d diagnostics, %d from errcodelint's analyzers", name, len(folded), len(direct))
		}
		for i, d := range folded {
			if len(d.Related) != 0 {
				t.Errorf("%s: %v: %d related positions, want none", name, d.Pos, len(d.Related))
			}
			if len(direct[i].Related) > 0 && (!strings.HasPrefix(d.Message, direct[i].Message) || !at.MatchString(d.Message)) {
				t.Errorf("%s: message %q, want %q with its related information", name, d.Message, direct[i].Message)
			}
		}
	}
}

// TestCategoryLinters checks that each category's linter reports that
// category alone, and all of them together what errcodelint reports.
func TestCategoryLinters(t *testing.T) {
	t.Parallel()
	pkgs := []string{"reuploadretry", "cosclient", "directive", "uncheckedslice", "messagecompared"}
	all := diagnostics(t, build(t, golangci.Name, ""), pkgs...)
	var categories []*analysis.Analyzer
	for _, c := range golangci.Categories {
		categories = append(categories, build(t, golangci.CategoryLinter(c), "")...)
	}
	// All at once, as golangci-lint runs the linters enabled.
	seen := map[string]int{}
	got := diagnostics(t, categories, pkgs...)
	for _, d := range got {
		seen[d.Category]++
	}
	if len(got) != len(all) {
		t.Errorf("the category linters report %d diagnostics, errcodelint %d", len(got), len(all))
	}
	for _, c := range golangci.Categories {
		if seen[c] == 0 {
			t.Errorf("no %s diagnostic in the fixtures: the test does not cover it", c)
		}
		one := diagnostics(t, build(t, golangci.CategoryLinter(c), ""), pkgs...)
		for _, d := range one {
			if d.Category != c {
				t.Errorf("%s reported a %s diagnostic: %s", golangci.CategoryLinter(c), d.Category, d.Message)
			}
		}
		if len(one) != seen[c] {
			t.Errorf("%s alone: %d diagnostics, %d among all", golangci.CategoryLinter(c), len(one), seen[c])
		}
	}
}

// TestOneAnalysisPerSettings checks that category linters with equal
// settings share errcodelint's analyzers (golangci-lint runs a required
// analyzer once), and that different settings get their own, named apart
// (golangci-lint caches facts by analyzer name).
func TestOneAnalysisPerSettings(t *testing.T) {
	const zero = `{"include-zero": true}`
	a := build(t, golangci.CategoryLinter("magic-code"), zero)[0]
	b := build(t, golangci.CategoryLinter("unknown-code"), zero)[0]
	c := build(t, golangci.CategoryLinter("unknown-code"), "")[0]
	if !slices.Equal(a.Requires, b.Requires) {
		t.Error("two linters with equal settings run two analyses")
	}
	for i := range a.Requires {
		if a.Requires[i] == c.Requires[i] || a.Requires[i].Name == c.Requires[i].Name {
			t.Errorf("linters with different settings share %s (or its name)", a.Requires[i].Name)
		}
	}
}

// TestCategorySettings checks that a category linter's settings take
// effect.
func TestCategorySettings(t *testing.T) {
	t.Parallel()
	zero := regexp.MustCompile(`^0 is catalog\.Success`)
	count := func(ds []analysis.Diagnostic) int {
		n := 0
		for _, d := range ds {
			if zero.MatchString(d.Message) {
				n++
			}
		}
		return n
	}
	on := count(diagnostics(t, build(t, golangci.CategoryLinter("magic-code"), `{"include-zero": true}`), "includezero"))
	off := count(diagnostics(t, build(t, golangci.CategoryLinter("magic-code"), ""), "includezero"))
	if on == 0 || off != 0 {
		t.Errorf("include-zero: %d findings of 0 with it, %d without; want some, then none", on, off)
	}
}
