package unchecked

import (
	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/uploadcheck"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// Name is the analyzer's name.
const Name = "uncheckedslice"

// Category is the category of every diagnostic of this check.
const Category = "unchecked-slice"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/unchecked"

// Analyzer is the check with the default evidence and upload analyzers.
var Analyzer = New(evidence.Analyzer, upload.Analyzer)

// New returns the check, with the evidence of ev and the upload model of
// up (which requires ev).
func New(ev, up *analysis.Analyzer) *analysis.Analyzer { return check.Analyzer(ev, up) }

var check = &uploadcheck.Check{
	Name: Name, Doc: doc, URL: URL, Category: Category,
	Func: func(pass *analysis.Pass, _ *evidence.Result, f *upload.Func) []analysis.Diagnostic {
		return uncheckedSends(upload.Of(pass).UntestedCalls(pass.TypesInfo, f), f)
	},
}
