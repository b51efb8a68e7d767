package swallowed

import (
	"cmp"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// diagnostics reports each swallowing return, with the failure it
// swallows as related information.
func (fl *flow) diagnostics() []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for ret, failure := range fl.found {
		out = append(out, analysis.Diagnostic{
			Pos:     ret.Pos(),
			End:     ret.End(),
			Message: "upload failure reported as success: on some path from a failure of the upload this return tells the caller the upload worked, and the file is lost: return the failure",
			Related: []analysis.RelatedInformation{{Pos: failure.Pos(), End: failure.End(), Message: "the failure"}},
		})
	}
	slices.SortFunc(out, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	return out
}
