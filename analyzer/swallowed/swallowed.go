package swallowed

import (
	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/uploadcheck"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// Name is the analyzer's name.
const Name = "swallowedfailure"

// Category is the category of every diagnostic of this check.
const Category = "swallowed-failure"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/swallowed"

// Analyzer is the check with the default evidence and upload analyzers.
var Analyzer = New(evidence.Analyzer, upload.Analyzer)

// New returns the check, with the evidence of ev and the upload model of
// up (which requires ev).
func New(ev, up *analysis.Analyzer) *analysis.Analyzer { return check.Analyzer(ev, up) }

var check = &uploadcheck.Check{
	Name: Name, Doc: doc, URL: URL, Category: Category,
	Func: checkFunc,
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

// checkFunc reports f's returns that report success after a failure of
// the upload.
func checkFunc(pass *analysis.Pass, ev *evidence.Result, f *upload.Func) []analysis.Diagnostic {
	if !uploads(f) {
		return nil // requests of unknown operations only: maybe another API's
	}
	m := upload.Of(pass)
	return swallowed(pass.TypesInfo, m, f, successReturn(pass, ev, m, f))
}
