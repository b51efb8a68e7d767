package reupload

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
)

// Name is the analyzer's name.
const Name = "reuploadretry"

// Category is the category of every diagnostic of this check.
const Category = "reupload-retry"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/reupload"

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
		FactTypes:        []analysis.Fact{new(opsFact), new(retryClassifierFact)},
	}
}

// run reports reupload-class codes handled as plain retries.
func run(pass *analysis.Pass) (any, error) {
	ev := evidence.Of(pass)
	if !ev.Relevant() {
		return nil, nil
	}
	universeOnce.Do(buildUniverse)
	rep := report.New(pass, ev, urls)
	defer rep.Flush()
	ck := &checker{
		pass:          pass,
		ev:            ev,
		report:        rep.Report,
		ops:           make(map[*types.Func]cosapi.OpSet),
		classifiers:   make(map[types.Object][]int),
		successTests:  make(map[*types.Func]bool),
		codeErrors:    make(map[*types.Func]bool),
		codeErrVars:   make(map[types.Object]bool),
		okLookups:     make(map[types.Object]*ast.IndexExpr),
		sliceRequests: make(map[*types.Func]bool),
		reported:      make(map[token.Pos]bool),
	}
	ck.cos = ev.IsCOSClient()
	ck.findCodeErrors()
	ck.findOps()
	ck.findSuccessTests()
	ck.checkRetrySets(ev.Inspector())
	ck.checkClassifiers()
	// Each function declaration is scanned once, with the function
	// literals inside it; function literals outside any (in variable
	// initializers) are scanned on their own. All are scanned before any
	// loop is walked: a scan finds the helpers that callers hand slice
	// requests to.
	var funcs []scannedFunc
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fd.Body != nil {
					fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
					funcs = append(funcs, scannedFunc{fd, fn, fd.Body, ck.scanFunc(fd.Body)})
				}
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					funcs = append(funcs, scannedFunc{nil, nil, lit.Body, ck.scanFunc(lit.Body)})
					return false
				}
				return true
			})
		}
	}
	ck.checkLoops(funcs)
	return nil, nil
}

// checker holds what the check knows about the package.
type checker struct {
	pass   *analysis.Pass
	ev     *evidence.Result
	report func(analysis.Diagnostic)

	// cos reports whether the package evidently talks to the COS v4 API:
	// it imports the catalog or spells the API's op strings or URLs.
	cos bool
	// ops holds, for the package's functions, the operations of the sliced
	// upload they send, themselves or through their callees.
	ops map[*types.Func]cosapi.OpSet
	// classifiers holds the package's retry classifiers and retry sets
	// (functions, func-typed variables, map and slice variables) with the
	// reupload codes they answer yes for.
	classifiers map[types.Object][]int
	// successTests holds the package's functions that test a code for
	// success (func (r *Response) OK() bool { return r.Code == 0 }).
	successTests map[*types.Func]bool
	// codeErrors holds the package's functions whose error result carries
	// the failure codes; codeErrVars the variables assigned such a result.
	codeErrors  map[*types.Func]bool
	codeErrVars map[types.Object]bool
	// sliceRequests holds the package's functions that a caller hands a
	// slice request: post(map[string]string{"op": "upload_slice_data"}).
	sliceRequests map[*types.Func]bool
	// okLookups holds the ok variables of comma-ok lookups in sets.
	okLookups map[types.Object]*ast.IndexExpr
	// paramCodes holds the integer parameters of the classifier being
	// read, which count as codes in a package that talks to COS.
	paramCodes map[*types.Var]bool

	// funcLitClassifiers are the retry classifiers written as function
	// literals bound to a name (var isRetryable = func(code int) bool {...}).
	funcLitClassifiers []classifierDecl

	reported map[token.Pos]bool
}

// opsOf returns the operations a function sends: from this package's
// functions, or from the facts of another's.
func (ck *checker) opsOf(fn *types.Func) cosapi.OpSet {
	if fn == nil {
		return 0
	}
	if fn.Pkg() == ck.pass.Pkg {
		return ck.ops[fn]
	}
	var f opsFact
	if ck.pass.ImportObjectFact(fn, &f) {
		return f.Ops
	}
	return 0
}

// classifierCodes returns the reupload codes a retry classifier or set
// answers yes for, and whether it belongs to this package.
func (ck *checker) classifierCodes(obj types.Object) (codes []int, local bool) {
	if obj.Pkg() == ck.pass.Pkg {
		return ck.classifiers[obj], true
	}
	var f retryClassifierFact
	if ck.pass.ImportObjectFact(obj, &f) {
		return f.Codes, false
	}
	return nil, false
}

// diag reports once per position, and not in tests: a test compares
// codes to check a client, it is none.
func (ck *checker) diag(d analysis.Diagnostic) {
	if ck.reported[d.Pos] || ck.inTest(d.Pos) {
		return
	}
	ck.reported[d.Pos] = true
	d.Category = Category
	ck.report(d)
}

// inTest reports whether pos is in a _test.go file.
func (ck *checker) inTest(pos token.Pos) bool {
	return strings.HasSuffix(ck.pass.Fset.Position(pos).Filename, "_test.go")
}
