package evidence

import (
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
)

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
	if _, err := checker.Analyze([]*analysis.Analyzer{probe}, suitetest.LoadFixtures(t), nil); err != nil {
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
