package message

import (
	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogfix"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
)

// Name is the analyzer's name.
const Name = "messagecompared"

// Category is the category of every diagnostic of this check.
const Category = "message-compared"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/message"

var urls = map[string]string{Category: "#hdr-What_is_reported"}

// Analyzer is the check with the default evidence analyzer.
var Analyzer = New(evidence.Analyzer)

// New returns the check, with the evidence of ev.
func New(ev *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             Name,
		Doc:              doc,
		URL:              URL,
		Requires:         []*analysis.Analyzer{ev},
		Run:              run,
		RunDespiteErrors: true,
	}
}

// run reports the envelope's message compared with a message of the
// catalog.
func run(pass *analysis.Pass) (any, error) {
	ev := evidence.Of(pass)
	if !ev.Relevant() || !ev.IsCOSClient() {
		return nil, nil
	}
	rep := report.New(pass, ev, urls)
	ck := &checker{pass: pass, ev: ev, fixes: catalogfix.New(pass), report: rep.Report, envelopeErrors: envelopeIsError(pass.Pkg)}
	for _, c := range ck.comparisons() {
		ck.check(c)
	}
	ck.fixes.Complete(rep.Report)
	rep.Flush()
	return nil, nil
}
