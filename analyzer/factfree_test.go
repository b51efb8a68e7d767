package analyzer_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
)

// TestWhatFactsBuy runs both regimes on cosclient and on cosuser, which
// uses cosclient's envelope and error method from another package. Without
// facts, cosclient's own findings stay and cosuser's, which only facts
// carry across the package boundary, go.
func TestWhatFactsBuy(t *testing.T) {
	withFacts := suitetest.Diagnose(t, analyzer.New(&analyzer.Config{}), "cosclient", "cosuser")
	without := suitetest.Diagnose(t, analyzer.NewWithoutFacts(&analyzer.Config{}), "cosclient", "cosuser")
	for _, a := range analyzer.NewWithoutFacts(&analyzer.Config{}) {
		if got := len(a.FactTypes); got != 0 {
			t.Errorf("NewWithoutFacts: %s declares %d fact types, want 0", a.Name, got)
		}
	}
	count := func(findings []suitetest.Finding, pkg string) int {
		n := 0
		for _, f := range findings {
			if f.Pkg == pkg {
				n++
			}
		}
		return n
	}
	if w, wo := count(withFacts, "cosclient"), count(without, "cosclient"); w == 0 || w != wo {
		t.Errorf("cosclient: %d findings with facts, %d without; want the same, not 0", w, wo)
	}
	if n := count(withFacts, "cosuser"); n < 3 {
		t.Errorf("cosuser with facts: %d findings, want at least 3", n)
	}
	if n := count(without, "cosuser"); n != 0 {
		t.Errorf("cosuser without facts: %d findings, want 0 (only facts find them)", n)
	}
}

// TestWithoutFactsKeepsLocalEvidence checks that on fixtures whose
// evidence stays inside the package, both regimes report exactly the same
// diagnostics. (The fixtures also expect facts, so their wants are not
// checked here: TestMagicAndUnknownCodes and the others do that.)
func TestWithoutFactsKeepsLocalEvidence(t *testing.T) {
	pkgs := []string{"cosclient", "unrelated", "suppress", "directive", "catalogevidence", "configured"}
	diagnostics := func(findings []suitetest.Finding) map[string]bool {
		set := map[string]bool{}
		for _, f := range findings {
			set[f.Position.String()+": "+f.Message] = true
		}
		return set
	}
	with := diagnostics(suitetest.Diagnose(t, analyzer.New(&analyzer.Config{}), pkgs...))
	without := diagnostics(suitetest.Diagnose(t, analyzer.NewWithoutFacts(&analyzer.Config{}), pkgs...))
	if len(with) == 0 {
		t.Fatal("no diagnostics with facts")
	}
	for d := range with {
		if !without[d] {
			t.Errorf("only with facts: %s", d)
		}
	}
	for d := range without {
		if !with[d] {
			t.Errorf("only without facts: %s", d)
		}
	}
}
