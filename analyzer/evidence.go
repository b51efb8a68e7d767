package analyzer

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/catalog"
)

// cosPaths are the v4 API's URL paths; they count only in a package that
// also names a myqcloud.com host (clients often build host and path apart).
var cosPaths = []string{"/files/v2/", "/files/v1/", "/photos/v2/"}

// cosOps are the v4 API's op values that no other API uses.
var cosOps = map[string]bool{
	"upload_slice_init":   true,
	"upload_slice_data":   true,
	"upload_slice_finish": true,
	"upload_slice_list":   true,
	"upload_slice":        true,
}

// isCOSClient reports whether the package evidently talks to the COS v4 API:
// it imports the catalog, builds the API's URLs, or names its slice-upload
// operations. Only such packages get the envelope and StatusCode heuristics;
// elsewhere the same integers mean other things.
func isCOSClient(pass *analysis.Pass, lits []*ast.BasicLit) bool {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == catalog.ImportPath {
			return true
		}
	}
	host, path := false, false
	for _, lit := range lits {
		if lit.Kind != token.STRING {
			continue
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			continue
		}
		if cosOps[s] || strings.Contains(s, "op=upload_slice") {
			return true
		}
		host = host || strings.Contains(s, "myqcloud.com")
		for _, p := range cosPaths {
			path = path || strings.Contains(s, p)
		}
	}
	return host && path
}
