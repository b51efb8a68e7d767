// Package uploadcheck builds the analyzers of the checks that read the
// upload model (package upload): each is a function from one function of
// the model to its diagnostics, run on the relevant packages' functions
// outside _test.go files, through the shared reporter.
package uploadcheck

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// A Check is one check of the upload.
type Check struct {
	Name, Doc, URL string
	// Category is the category of every diagnostic, documented under the
	// manual's heading "What is reported".
	Category string
	// Model reports what the check finds in the model as a whole (the
	// retry classifiers); nil for none.
	Model func(m *upload.Model) []analysis.Diagnostic
	// Func reports what the check finds in one function.
	Func func(pass *analysis.Pass, ev *evidence.Result, f *upload.Func) []analysis.Diagnostic
}

// Analyzer returns the check's analyzer, with the evidence of ev and the
// upload model of up (which requires ev).
func (c *Check) Analyzer(ev, up *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             c.Name,
		Doc:              c.Doc,
		URL:              c.URL,
		Requires:         []*analysis.Analyzer{ev, up},
		Run:              c.run,
		RunDespiteErrors: true,
	}
}

func (c *Check) run(pass *analysis.Pass) (any, error) {
	ev := evidence.Of(pass)
	if !ev.Relevant() {
		return nil, nil
	}
	m := upload.Of(pass)
	rep := report.New(pass, ev, map[string]string{c.Category: "#hdr-What_is_reported"})
	var diags []analysis.Diagnostic
	if c.Model != nil {
		diags = c.Model(m)
	}
	for _, f := range m.Funcs {
		if strings.HasSuffix(pass.Fset.Position(f.Pos()).Filename, "_test.go") {
			continue // a test sends, fails and compares as it likes: it is no client
		}
		diags = append(diags, c.Func(pass, ev, f)...)
	}
	for _, d := range diags {
		d.Category = c.Category
		rep.Report(d)
	}
	rep.Flush()
	return nil, nil
}
