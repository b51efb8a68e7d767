package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodelint/errcodelint/analyzer"
)

// TestWhatFactsBuy runs both regimes on cosclient and on cosuser, which
// uses cosclient's envelope and error method from another package. Without
// facts, cosclient's own findings stay and cosuser's, which only facts
// carry across the package boundary, go.
func TestWhatFactsBuy(t *testing.T) {
	withFacts := analysistest.Run(&recorder{T: t}, testdata, analyzer.New(&analyzer.Config{}), "cosclient", "cosuser")
	without := analysistest.Run(&recorder{T: t}, testdata, analyzer.NewWithoutFacts(&analyzer.Config{}), "cosclient", "cosuser")
	if got := len(analyzer.NewWithoutFacts(&analyzer.Config{}).FactTypes); got != 0 {
		t.Errorf("NewWithoutFacts declares %d fact types, want 0", got)
	}
	count := func(results []*analysistest.Result, pkg string) int {
		n := 0
		for _, r := range results {
			if r.Pass.Pkg.Path() == pkg {
				n += len(r.Diagnostics)
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
	diagnostics := func(results []*analysistest.Result) map[string]bool {
		set := map[string]bool{}
		for _, r := range results {
			for _, d := range r.Diagnostics {
				set[r.Pass.Fset.Position(d.Pos).String()+": "+d.Message] = true
			}
		}
		return set
	}
	with := diagnostics(analysistest.Run(&recorder{T: t}, testdata, analyzer.New(&analyzer.Config{}), pkgs...))
	without := diagnostics(analysistest.Run(&recorder{T: t}, testdata, analyzer.NewWithoutFacts(&analyzer.Config{}), pkgs...))
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
