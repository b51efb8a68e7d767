package analyzer

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
)

// ungated is New(cfg) without the relevance gate: it runs on every package.
func ungated(cfg *Config) []*analysis.Analyzer { return newSuite(cfg, true) }

// TestRelevanceGateIsSound checks that the gate changes nothing anyone
// can see: on every fixture and on the corpus, with every setting that
// widens the evidence, the analyzers report the same diagnostics and
// export the same facts with and without it.
func TestRelevanceGateIsSound(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the fixtures and the corpus with their dependencies from source")
	}
	for _, set := range []struct {
		name string
		pkgs func(testing.TB) []*packages.Package
	}{{"fixtures", suitetest.LoadFixtures}, {"corpus", suitetest.LoadCorpus}} {
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
						for _, a := range append(withGate, without...) {
							DisableFacts(a)
						}
					}
					compareOutcomes(t, fmt.Sprintf("facts=%v", facts), suitetest.Outcome(t, withGate, pkgs), suitetest.Outcome(t, without, pkgs))
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
