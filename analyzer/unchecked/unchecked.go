package unchecked

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// Name is the analyzer's name.
const Name = "uncheckedslice"

// Category is the category of every diagnostic of this check.
const Category = "unchecked-slice"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/unchecked"

var urls = map[string]string{Category: "#hdr-What_is_reported"}

// Analyzer is the check with the default evidence and upload analyzers.
var Analyzer = New(evidence.Analyzer, upload.Analyzer)

// New returns the check, with the evidence of ev and the upload model of
// up (which requires ev).
func New(ev, up *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             Name,
		Doc:              doc,
		URL:              URL,
		Requires:         []*analysis.Analyzer{ev, up},
		Run:              run,
		RunDespiteErrors: true,
	}
}

// run reports slice sends whose answer is never looked at before the
// next slice goes out.
func run(pass *analysis.Pass) (any, error) {
	ev := evidence.Of(pass)
	if !ev.Relevant() {
		return nil, nil
	}
	rep := report.New(pass, ev, urls)
	for _, f := range upload.Of(pass).Funcs {
		if strings.HasSuffix(pass.Fset.Position(f.Pos()).Filename, "_test.go") {
			continue // a test sends what it wants
		}
		for _, d := range uncheckedSends(f) {
			d.Category = Category
			rep.Report(d)
		}
	}
	rep.Flush()
	return nil, nil
}
