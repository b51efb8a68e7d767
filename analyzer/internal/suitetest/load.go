package suitetest

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Testdata returns the repository's testdata directory: fixtures live
// under testdata/src/<import path>, the corpus under testdata/corpus.
func Testdata() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
}

// LoadFixtures loads every package under testdata/src with its tests,
// GOPATH style, as analysistest does.
func LoadFixtures(t testing.TB) []*packages.Package {
	t.Helper()
	src := filepath.Join(Testdata(), "src")
	var patterns []string
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); len(gos) > 0 {
			rel, _ := filepath.Rel(src, path)
			patterns = append(patterns, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return LoadGOPATH(t, true, patterns...)
}

// LoadGOPATH loads fixture packages from testdata/src, GOPATH style.
func LoadGOPATH(t testing.TB, tests bool, patterns ...string) []*packages.Package {
	t.Helper()
	src := filepath.Join(Testdata(), "src")
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   src,
		Env:   append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
		Tests: tests,
	}
	return load(t, cfg, patterns...)
}

// LoadCorpus loads the realistic client corpus (a module of its own).
func LoadCorpus(t testing.TB) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(Testdata(), "corpus"),
		// The corpus is a module of its own, with no requirements.
		Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs := load(t, cfg, "./...")
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("the corpus does not load: %d errors", n)
	}
	return pkgs
}

func load(t testing.TB, cfg *packages.Config, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatalf("no packages for %v", patterns)
	}
	return pkgs
}

// Outcome is everything an analysis of a package graph by the analyzers
// produces that a user or an importing package can see: diagnostics with
// their fixes, and the facts each package exports, sorted.
func Outcome(t testing.TB, analyzers []*analysis.Analyzer, pkgs []*packages.Package) []string {
	t.Helper()
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for act := range graph.All() {
		if !slices.Contains(analyzers, act.Analyzer) {
			continue
		}
		if act.Err != nil {
			out = append(out, fmt.Sprintf("%s: %s: error: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err))
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			s := fmt.Sprintf("%s: [%s] %s", fset.Position(d.Pos), d.Category, d.Message)
			for _, fix := range d.SuggestedFixes {
				s += " | " + fix.Message
				for _, e := range fix.TextEdits {
					s += fmt.Sprintf(" %d-%d:%q", fset.Position(e.Pos).Offset, fset.Position(e.End).Offset, e.NewText)
				}
			}
			out = append(out, s)
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				out = append(out, fmt.Sprintf("%s: fact %s: %T %v", act.Package.PkgPath, f.Object, f.Fact, f.Fact))
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				out = append(out, fmt.Sprintf("%s: package fact %T %v", act.Package.PkgPath, f.Fact, f.Fact))
			}
		}
	}
	slices.Sort(out)
	return out
}

// A Finding is one diagnostic, where it is.
type Finding struct {
	Analyzer *analysis.Analyzer
	Pkg      string // the package path
	Position token.Position
	Category string
	Message  string
	URL      string // resolved by the checker against the analyzer's URL
}

// Diagnose loads the fixture packages once and returns the diagnostics
// the analyzers report on them, whatever their wants say: for tests that
// judge the outcome themselves.
func Diagnose(t testing.TB, analyzers []*analysis.Analyzer, patterns ...string) []Finding {
	t.Helper()
	pkgs := LoadGOPATH(t, true, patterns...)
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			out = append(out, Finding{act.Analyzer, act.Package.PkgPath, act.Package.Fset.Position(d.Pos), d.Category, d.Message, d.URL})
		}
	}
	return out
}
