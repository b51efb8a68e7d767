package analyzer_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/analyzer/reupload"
)

// TestReuploadFixtures runs errcodelint, with its own evidence of which
// expressions hold codes, on the reupload-retry check's fixtures: it must
// report what the check's harness does (package reupload's tests), no
// more and no less.
func TestReuploadFixtures(t *testing.T) {
	analysistest.Run(reuploadOnly{t}, testdata, reuploadCategory(), "reuploadcos", "reuploadclassify",
		"reuploadretry", "reuploadblanket", "reuploaduse", "reuploadcorrect", "reuploadnotupload", "reuploadunrelated", "reuploadlibrary")
}

// reuploadCategory is errcodelint passing on only its reupload-retry
// diagnostics: the fixtures' magic literals are other tests' business.
func reuploadCategory() *analysis.Analyzer {
	a := analyzer.New(&analyzer.Config{})
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			if d.Category == reupload.Category {
				pass.Report(d)
			}
		}
		return run(&p)
	}
	return a
}

// reuploadOnly fails the test on every mismatch except the facts the
// analyzer exports about code sources, which the fixtures do not spell.
type reuploadOnly struct{ *testing.T }

func (r reuploadOnly) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "unexpected fact: code source") {
		r.T.Error(msg)
	}
}
