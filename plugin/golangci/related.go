package golangci

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// foldReports makes a report what it reports with the related information
// of each diagnostic folded into its message (foldRelated).
func foldReports(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		folding := *pass
		folding.Report = func(d analysis.Diagnostic) { pass.Report(foldRelated(pass.Fset, d)) }
		return run(&folding)
	}
}

// foldRelated returns d with its related information moved into the
// message ("... (the slice-upload loop at line 115)"). golangci-lint makes
// an issue of its own of each related position (pkg/goanalysis/runners.go,
// buildIssues), which a //nolint on the diagnostic's line does not
// silence and which SARIF reports as a result of level error; kept in the
// message, the information stays with the finding it explains.
func foldRelated(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	at := fset.Position(d.Pos)
	parts := make([]string, 0, len(d.Related))
	for _, r := range d.Related {
		p := fset.Position(r.Pos)
		where := fmt.Sprintf("line %d", p.Line)
		if p.Filename != at.Filename {
			where = fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
		}
		parts = append(parts, r.Message+" at "+where)
	}
	d.Message += " (" + strings.Join(parts, "; ") + ")"
	d.Related = nil
	return d
}
