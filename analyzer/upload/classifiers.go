package upload

import "go/types"

// remedy is what every message about a reupload code tells the author.
const remedy = "start a new upload with upload_slice_init or resume via upload_slice_list"

// Remedy is remedy, for the checks' messages.
const Remedy = remedy

// classifierCodes returns the reupload codes a retry classifier or set
// answers yes for, and whether it belongs to this package.
func (pr *protocol) classifierCodes(obj types.Object) (codes []int, local bool) {
	if obj.Pkg() == pr.pass.Pkg {
		return pr.classifiers[obj], true
	}
	var f classifierFact
	if pr.pass.ImportObjectFact(obj, &f) {
		return f.Codes, false
	}
	return nil, false
}
