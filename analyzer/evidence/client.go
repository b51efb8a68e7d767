package evidence

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/catalog"
)

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
		if cosapi.IsSliceOp(s) || strings.Contains(s, "op="+cosapi.V1SliceOp) {
			return true
		}
		host = host || strings.Contains(s, cosapi.Host)
		for _, p := range cosapi.Paths {
			path = path || strings.Contains(s, p)
		}
	}
	return host && path
}
