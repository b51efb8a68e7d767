package evidence

import (
	"bytes"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/catalog"
)

// A package that nothing ties to the COS v4 API holds no response code
// and can export no fact, so the evidence analyzer leaves it before doing
// any work, and every check after it: that is what keeps errcodelint near
// the cost of loading the code (docs/performance.md), above all in the
// fact regime, where the analyzers run on every dependency of the named
// packages. For the same reason the evidence analyzer builds its inspector
// itself, only for the packages it analyzes, instead of requiring
// inspect.Analyzer for all of them, and hands it to the checks.
//
// The gate must let through every package in which the analysis could
// find anything: TestRelevanceGateIsSound runs the analysis with and
// without it on every fixture and compares, and the fuzz target does the
// same on arbitrary code. When evidence of a new kind is added, add its
// trigger here.

// mayHoldCodes reports whether anything ties the package to the COS v4
// API: settings or directives that name code sources, facts of other
// packages, the catalog among its dependencies or the objects it uses, a
// string constant of another package that spells an op or a URL of the
// API, or such a string in its own source.
func mayHoldCodes(pass *analysis.Pass, cfg *Config) bool {
	if len(cfg.Sources) > 0 || hasDirective(pass.Files) {
		return true
	}
	if len(pass.AllObjectFacts()) > 0 || len(pass.AllPackageFacts()) > 0 {
		return true
	}
	if reachesCatalog(pass.Pkg) || usesCOSObject(pass) {
		return true
	}
	return spellsCOS(pass)
}

func hasDirective(files []*ast.File) bool {
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, directivePrefix) {
					return true
				}
			}
		}
	}
	return false
}

// reachesCatalog reports whether pkg imports the catalog, directly or not.
func reachesCatalog(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == catalog.ImportPath {
			return true
		}
		for _, imp := range p.Imports() {
			if visit(imp) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

// usesCOSObject reports whether the package uses a declaration of the
// catalog, or a string constant of another package that spells an op or a
// URL of the API.
func usesCOSObject(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		pkg := obj.Pkg()
		if pkg == nil || pkg == pass.Pkg {
			continue
		}
		if pkg.Path() == catalog.ImportPath {
			return true
		}
		if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String && cosapi.HasMarker(constant.StringVal(c.Val())) {
			return true
		}
	}
	return false
}

// spellsCOS reports whether a source file of the package contains an op or
// a URL of the API. It looks at the bytes of the file when the driver
// gives them, which is much cheaper than walking the syntax.
func spellsCOS(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if pass.ReadFile != nil {
			if tf := pass.Fset.File(f.FileStart); tf != nil {
				if src, err := pass.ReadFile(tf.Name()); err == nil && len(src) == tf.Size() {
					if bytesHaveMarker(src) {
						return true
					}
					continue
				}
			}
		}
		if stringsHaveMarker(f) {
			return true
		}
	}
	return false
}

func bytesHaveMarker(src []byte) bool {
	for _, m := range cosapi.Markers {
		if bytes.Contains(src, []byte(m)) {
			return true
		}
	}
	return false
}

// stringsHaveMarker is spellsCOS for one file without its bytes.
func stringsHaveMarker(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && cosapi.HasMarker(lit.Value) {
			found = true
		}
		return !found
	})
	return found
}
