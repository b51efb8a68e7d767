// Package suitetest runs several analyzers of errcodelint on fixtures whose
// "// want" comments expect the diagnostics and facts of all of them, as
// analysistest does for one analyzer.
//
// analysistest checks one analyzer: an expectation that another analyzer
// meets is "no diagnostic was reported matching" for it. So each analyzer
// is run by analysistest on its own, and an unmatched expectation fails
// the test only when no analyzer of the suite met it. Every other complaint
// (an unexpected diagnostic or fact, a fix that does not match its golden
// file) fails the test as it would under analysistest.
package suitetest

import (
	"fmt"
	"regexp"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// unmatched matches analysistest's complaint about an expectation that no
// diagnostic or fact of the analyzer met.
var unmatched = regexp.MustCompile(`: no (diagnostic|fact) was reported matching `)

// collector records what analysistest complains about.
type collector struct{ errs []string }

func (c *collector) Errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// Run runs each analyzer on the packages and checks the fixtures'
// expectations against all of them. fixes names the analyzers whose
// suggested fixes are checked against .golden files
// (analysistest.RunWithSuggestedFixes). It returns each analyzer's results.
func Run(t *testing.T, dir string, analyzers []*analysis.Analyzer, fixes []*analysis.Analyzer, patterns ...string) map[*analysis.Analyzer][]*analysistest.Result {
	t.Helper()
	results := make(map[*analysis.Analyzer][]*analysistest.Result)
	misses := make(map[string]int) // unmatched expectation -> in how many runs
	for _, a := range analyzers {
		var c collector
		if contains(fixes, a) {
			results[a] = analysistest.RunWithSuggestedFixes(&c, dir, a, patterns...)
		} else {
			results[a] = analysistest.Run(&c, dir, a, patterns...)
		}
		seen := make(map[string]bool)
		for _, e := range c.errs {
			switch {
			case !unmatched.MatchString(e):
				t.Errorf("%s: %s", a.Name, e)
			case !seen[e]:
				seen[e] = true
				misses[e]++
			}
		}
	}
	for e, n := range misses {
		if n == len(analyzers) {
			t.Error(e)
		}
	}
	return results
}

func contains(as []*analysis.Analyzer, a *analysis.Analyzer) bool {
	for _, b := range as {
		if a == b {
			return true
		}
	}
	return false
}
