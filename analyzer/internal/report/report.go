// Package report is the one way errcodelint's analyzers report: it drops
// the diagnostics that a //errcodelint:ignore directive silences or that
// fall in generated files (as staticcheck's report.FilterGenerated does),
// gives each the URL of its category's section in the manual, and reports
// the rest in the order of their positions (the checks run one after
// another, readers read top to bottom).
package report

import (
	"cmp"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// A Filter says which positions are not to be reported. The evidence
// analyzer's result is one: it knows the directives and the generated
// files.
type Filter interface {
	// Suppressed reports whether an //errcodelint:ignore directive with a
	// reason silences pos.
	Suppressed(pos token.Pos) bool
	// Skipped reports whether pos lies outside the package's hand-written
	// files: in a generated file (unless the user asked for those), or in
	// no file of the package.
	Skipped(pos token.Pos) bool
}

// A Reporter collects one pass's diagnostics.
type Reporter struct {
	pass    *analysis.Pass
	filter  Filter
	urls    map[string]string // category to URL (relative to Analyzer.URL)
	pending []analysis.Diagnostic
}

// New returns a Reporter for pass. urls maps each category the analyzer
// reports to the fragment of its manual section ("#hdr-Category_magic_code").
func New(pass *analysis.Pass, filter Filter, urls map[string]string) *Reporter {
	return &Reporter{pass: pass, filter: filter, urls: urls}
}

// Report queues d unless it is silenced or skipped.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.filter.Skipped(d.Pos) || r.filter.Suppressed(d.Pos) {
		return
	}
	if d.URL == "" {
		d.URL = r.urls[d.Category]
	}
	r.pending = append(r.pending, d)
}

// Flush reports the queued diagnostics in position order.
func (r *Reporter) Flush() {
	slices.SortStableFunc(r.pending, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	for _, d := range r.pending {
		r.pass.Report(d)
	}
	r.pending = nil
}
