package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// ungated is the analyzer of New(cfg) without the relevance gate: it runs
// on every package.
func ungated(cfg *Config) *analysis.Analyzer {
	a := New(cfg)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(withInspector(pass), cfg) }
	return a
}

// outcome is everything an analysis of a package graph produces that a
// user or an importing package can see: diagnostics with their fixes, and
// the facts each package exports.
func outcome(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) []string {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		if act.Err != nil {
			out = append(out, fmt.Sprintf("%s: error: %v", act.Package.PkgPath, act.Err))
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

// loadFixtures loads every package under testdata/src, GOPATH style, as
// analysistest does.
func loadFixtures(t *testing.T) []*packages.Package {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	err = filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
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
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   src,
		Env:   append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
		Tests: true,
	}
	return load(t, cfg, patterns...)
}

// loadCorpusModule loads the realistic client corpus (its own module).
func loadCorpusModule(t *testing.T) []*packages.Package {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	return load(t, cfg, "./...")
}

func load(t *testing.T, cfg *packages.Config, patterns ...string) []*packages.Package {
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

// TestRelevanceGateIsSound checks that the gate changes nothing anyone
// can see: on every fixture and on the corpus, with every setting that
// widens the evidence, the analysis reports the same diagnostics and
// exports the same facts with and without it.
func TestRelevanceGateIsSound(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the fixtures and the corpus with their dependencies from source")
	}
	for _, set := range []struct {
		name string
		pkgs func(*testing.T) []*packages.Package
	}{{"fixtures", loadFixtures}, {"corpus", loadCorpusModule}} {
		pkgs := set.pkgs(t)
		for _, setting := range []struct {
			name string
			cfg  Config
		}{
			{"default", Config{}},
			{"include-zero,generated", Config{IncludeZero: true, Generated: true}},
			{"sources", Config{Sources: []Source{{Name: "configured.Reply.Ret"}, {Name: "configured.Reply.Status", Domain: "http"}}}},
		} {
			cfg := setting.cfg
			t.Run(set.name+"/"+setting.name, func(t *testing.T) {
				for _, facts := range []bool{true, false} {
					c1, c2 := cfg, cfg
					withGate, without := New(&c1), ungated(&c2)
					if !facts {
						DisableFacts(withGate)
						DisableFacts(without)
					}
					compareOutcomes(t, fmt.Sprintf("facts=%v", facts), outcome(t, withGate, pkgs), outcome(t, without, pkgs))
				}
			})
		}
	}
}

func compareOutcomes(t *testing.T, regime string, withGate, without []string) {
	t.Helper()
	if len(without) == 0 {
		t.Fatalf("%s: nothing found without the gate", regime)
	}
	for _, s := range without {
		if !slices.Contains(withGate, s) {
			t.Errorf("%s: lost by the gate: %s", regime, s)
		}
	}
	for _, s := range withGate {
		if !slices.Contains(without, s) {
			t.Errorf("%s: only with the gate: %s", regime, s)
		}
	}
}

// TestRelevanceGateSkips checks that the gate does let packages go: those
// of the standard library the fixtures import, and the unrelated fixture
// (a Binance-style client with the same integers), while it keeps the COS
// clients. (The probe sees no facts of errcodelint's, so cosuser, which
// only facts tie to the API, is not among the packages it must keep.)
func TestRelevanceGateSkips(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the fixtures with their dependencies from source")
	}
	var mu sync.Mutex
	relevant := map[string]bool{}
	probe := &analysis.Analyzer{
		Name:      "relevance",
		Doc:       "record mayHoldCodes",
		FactTypes: []analysis.Fact{new(codeSourceFact)}, // so that it runs on dependencies too
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			relevant[pass.Pkg.Path()] = mayHoldCodes(pass, &Config{})
			return nil, nil
		},
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{probe}, loadFixtures(t), nil); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"unrelated":          false,
		"fmt":                false,
		"net/http":           false,
		"reuploadunrelated":  false,
		"cosclient":          true,
		"directive":          true,
		"catalogevidence":    true,
		"fiximports/aliased": true,
	} {
		got, ok := relevant[path]
		if !ok {
			t.Errorf("%s: not analyzed", path)
			continue
		}
		if got != want {
			t.Errorf("mayHoldCodes(%s) = %v, want %v", path, got, want)
		}
	}
	skipped := 0
	for path, r := range relevant {
		if !r && !strings.Contains(path, ".") {
			skipped++
		}
	}
	if skipped < 20 {
		t.Errorf("only %d packages skipped", skipped)
	}
}
