package swallowed

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// Name is the analyzer's name.
const Name = "swallowedfailure"

// Category is the category of every diagnostic of this check.
const Category = "swallowed-failure"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/swallowed"

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

// run reports returns that report success after a failure of the upload.
func run(pass *analysis.Pass) (any, error) {
	ev := evidence.Of(pass)
	if !ev.Relevant() {
		return nil, nil
	}
	rep := report.New(pass, ev, urls)
	for _, f := range upload.Of(pass).Funcs {
		if strings.HasSuffix(pass.Fset.Position(f.Pos()).Filename, "_test.go") {
			continue // a test fails as it likes
		}
		if !uploads(f) {
			continue // requests of unknown operations only: maybe another API's
		}
		for _, d := range swallowed(pass.TypesInfo, f, successReturn(pass, ev, f)) {
			d.Category = Category
			rep.Report(d)
		}
	}
	rep.Flush()
	return nil, nil
}

// uploads reports whether f takes a step of the upload protocol the
// operations name: it sends a slice, opens or lists a session, or
// finishes one.
func uploads(f *upload.Func) bool {
	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			if info := f.Info(n); len(info.Sends) > 0 || info.Finishes || info.Restarts {
				return true
			}
		}
	}
	return false
}
