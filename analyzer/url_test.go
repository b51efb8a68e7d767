package analyzer_test

import (
	"go/doc/comment"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
)

// TestURLsLeadToTheManual checks that every analyzer's URL is its
// package's page and that every diagnostic's URL is the section of that
// page that documents its category: a heading of the analyzer's manual.
func TestURLsLeadToTheManual(t *testing.T) {
	suite := analyzer.New(&analyzer.Config{})
	headings := make(map[*analysis.Analyzer]map[string]bool)
	for _, a := range suite {
		u, err := url.Parse(a.URL)
		if err != nil || u.Scheme != "https" || !strings.HasSuffix(u.Path, "/analyzer/"+packageOf(a)) {
			t.Errorf("%s: URL %q is not its package's page", a.Name, a.URL)
		}
		ids := make(map[string]bool)
		for _, b := range new(comment.Parser).Parse(a.Doc).Content {
			if h, ok := b.(*comment.Heading); ok {
				ids[h.DefaultID()] = true
			}
		}
		headings[a] = ids
	}
	seen := make(map[string]bool)
	for _, f := range suitetest.Diagnose(t, suite, "suppress", "cosclient", "reuploadretry", "reuploadcos", "uncheckedslice", "swallowedfailure", "messagecompared") {
		seen[f.Category] = true
		// The checker resolves a diagnostic's URL against its analyzer's.
		frag, ok := strings.CutPrefix(f.URL, f.Analyzer.URL+"#")
		if !ok || !headings[f.Analyzer][frag] {
			t.Errorf("%s: [%s] URL %q is no heading of %s's manual", f.Position, f.Category, f.URL, f.Analyzer.Name)
		}
	}
	for _, cat := range []string{"directive", "magic-code", "unknown-code", "reupload-retry", "unchecked-slice", "swallowed-failure", "message-compared"} {
		if !seen[cat] {
			t.Errorf("no diagnostic of category %s to check", cat)
		}
	}
}

// packageOf returns the package directory of an analyzer of the suite.
func packageOf(a *analysis.Analyzer) string {
	switch a.Name {
	case "coscodes":
		return "evidence"
	case "reuploadretry":
		return "reupload"
	case "cosupload":
		return "upload"
	case "uncheckedslice":
		return "unchecked"
	case "swallowedfailure":
		return "swallowed"
	case "messagecompared":
		return "message"
	}
	return a.Name
}
