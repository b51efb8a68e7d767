package reupload_test

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/errcodelint/errcodelint/analyzer/reupload"
)

// testdata is the repository's testdata directory, where the fixtures
// live under src/reupload*.
var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// harness runs the check with jsonCodes standing in for the main
// analyzer's evidence.
var harness = &analysis.Analyzer{
	Name:     "reuploadharness",
	Doc:      "run the reupload-retry check with a simple model of response codes",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		reupload.Check(pass, newJSONCodes(pass), pass.Report)
		return nil, nil
	},
	FactTypes: reupload.FactTypes,
}

// jsonCodes is a small model of the main analyzer's evidence: in a
// package that spells COS v4 op strings or imports a fixture client, the
// integer field tagged json:"code" of a struct that also has a
// json:"message" field, and the variables assigned from one, hold codes.
type jsonCodes struct {
	info *types.Info
	cos  bool
	vars map[types.Object]bool
}

func newJSONCodes(pass *analysis.Pass) *jsonCodes {
	c := &jsonCodes{info: pass.TypesInfo, vars: make(map[types.Object]bool)}
	for _, imp := range pass.Pkg.Imports() {
		if strings.HasPrefix(imp.Path(), "reuploadcos") || strings.HasSuffix(imp.Path(), "/catalog") {
			c.cos = true
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); n.Kind == token.STRING && err == nil && strings.Contains(s, "upload_slice_") {
					c.cos = true
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if id, ok := lhs.(*ast.Ident); ok && c.IsCode(n.Rhs[i]) {
							c.vars[c.info.ObjectOf(id)] = true
						}
					}
				}
			}
			return true
		})
	}
	return c
}

func (c *jsonCodes) IsCOSClient() bool { return c.cos }

func (c *jsonCodes) IsCode(e ast.Expr) bool {
	if !c.cos {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.vars[c.info.Uses[e]]
	case *ast.SelectorExpr:
		sel := c.info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		t := sel.Recv()
		var st *types.Struct
		var idx int
		for _, i := range sel.Index() {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
			st, _ = t.Underlying().(*types.Struct)
			if st == nil {
				return false
			}
			idx = i
			t = st.Field(i).Type()
		}
		return jsonName(st.Tag(idx)) == "code" && hasMessage(st)
	}
	return false
}

func jsonName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

func hasMessage(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if jsonName(st.Tag(i)) == "message" {
			return true
		}
	}
	return false
}

// TestFixtures runs the check on every fixture in one load (loading is
// most of the time): reuploadretry (form 1: plain retries of named codes),
// reuploadblanket (form 2: blanket retries of the slice), reuploadcos and
// reuploadclassify (form 3: retry classifiers and sets), reuploaduse
// (classifiers of another package), reuploadcorrect (correct handling:
// silent), reuploadnotupload and reuploadunrelated (loops that are no
// upload loops, another API with the same integers: silent),
// reuploadlibrary (functions retried by retry libraries).
func TestFixtures(t *testing.T) {
	analysistest.Run(t, testdata, harness, "reuploadretry", "reuploadblanket", "reuploadcos", "reuploadclassify",
		"reuploaduse", "reuploadcorrect", "reuploadnotupload", "reuploadunrelated", "reuploadlibrary")
}
