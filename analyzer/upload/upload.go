package upload

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
	"github.com/errcodelint/errcodelint/analyzer/internal/results"
)

// Name is the analyzer's name.
const Name = "cosupload"

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/upload"

// Analyzer reads the sliced upload with the default evidence analyzer.
var Analyzer = New(evidence.Analyzer)

// New returns the analyzer that reads the package's side of the sliced
// upload, with the evidence of ev.
func New(ev *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             Name,
		Doc:              manual.Doc(docSource, Name),
		URL:              URL,
		Requires:         []*analysis.Analyzer{ev},
		Run:              run,
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*Model](),
		FactTypes:        []analysis.Fact{new(funcFact), new(classifierFact)},
	}
}

// Of returns the upload model among the results a pass was given.
func Of(pass *analysis.Pass) *Model { return results.Of[*Model](pass) }

// A Model is what the upload analyzer learnt about one package: its
// functions that send slices, with their control-flow graphs annotated
// with sends, restarts and conditions on the response code, and the retry
// classifiers that answer yes for reupload codes. It is read-only.
type Model struct {
	// Funcs are the functions that send slices, requests that may be
	// slices, openers and listers of a session, or upload_slice_finish,
	// in source order.
	Funcs []*Func
	// Classifiers are the retry classifiers and sets of the package that
	// answer yes for reupload codes: a diagnostic for each answer.
	Classifiers []analysis.Diagnostic
	// Evidence is the evidence the model was built on.
	Evidence *evidence.Result

	codelessErrs map[types.Object]bool
}

// CodelessErr reports whether obj is a variable assigned the error of a
// request that carries no code (a transport or decoding error): where the
// request was answered with a failure code, it is nil.
func (m *Model) CodelessErr(obj types.Object) bool { return m.codelessErrs[obj] }

// protocol is what one pass learns about the package's side of the
// sliced-upload protocol, while the model is built.
type protocol struct {
	pass *analysis.Pass
	ev   *evidence.Result
	// cos reports whether the package evidently talks to the COS v4 API.
	cos bool

	funcs   []*Func
	byObj   map[*types.Func]*Func
	byLit   map[*ast.FuncLit]*Func
	litVars map[*types.Var]*Func // local variables bound once to a literal
	// sliceRole holds the functions that callers hand slice requests to
	// (post(map[string]string{"op": "upload_slice_data", ...})): what
	// they send is a slice.
	sliceRole map[*Func]bool

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
	// okLookups holds the ok variables of comma-ok lookups in sets.
	okLookups map[types.Object]*ast.IndexExpr
	// boolVars holds the boolean variables assigned one condition, once
	// (ok := resp.Code == 0): a condition on the variable is one on that.
	boolVars    map[types.Object]ast.Expr
	readingBool map[types.Object]bool
	// paramCodes holds the integer parameters of the classifier being
	// read, which count as codes in a package that talks to COS.
	paramCodes map[*types.Var]bool
	// funcLitClassifiers are the retry classifiers written as function
	// literals bound to a name (var isRetryable = func(code int) bool {...}).
	funcLitClassifiers []classifierDecl

	// answerErrs holds the error variables assigned what a request
	// answered; world says how conditions on them are read (worlds.go).
	answerErrs map[types.Object]bool
	world      world

	diags    []analysis.Diagnostic
	reported map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	ev := evidence.Of(pass)
	m := &Model{Evidence: ev}
	if !ev.Relevant() {
		return m, nil
	}
	pr := &protocol{
		pass:         pass,
		ev:           ev,
		cos:          ev.IsCOSClient(),
		byObj:        make(map[*types.Func]*Func),
		byLit:        make(map[*ast.FuncLit]*Func),
		litVars:      make(map[*types.Var]*Func),
		sliceRole:    make(map[*Func]bool),
		classifiers:  make(map[types.Object][]int),
		successTests: make(map[*types.Func]bool),
		codeErrors:   make(map[*types.Func]bool),
		codeErrVars:  make(map[types.Object]bool),
		okLookups:    make(map[types.Object]*ast.IndexExpr),
		boolVars:     make(map[types.Object]ast.Expr),
		readingBool:  make(map[types.Object]bool),
		answerErrs:   make(map[types.Object]bool),
		reported:     make(map[token.Pos]bool),
	}
	pr.collectFuncs()
	pr.findCodeErrors()
	pr.noteVars()
	pr.findSuccessTests()
	for _, f := range pr.funcs {
		pr.summarize(f)
	}
	pr.findSliceRoles()
	pr.checkRetrySets(ev.Inspector())
	pr.checkClassifiers()
	for _, f := range pr.funcs {
		if pr.markSends(f) {
			pr.buildGraph(f)
			m.Funcs = append(m.Funcs, f)
		}
	}
	pr.exportFacts()
	sort.SliceStable(pr.diags, func(i, j int) bool { return pr.diags[i].Pos < pr.diags[j].Pos })
	m.Classifiers = pr.diags
	m.codelessErrs = make(map[types.Object]bool)
	for obj := range pr.answerErrs {
		if !pr.codeErrVars[obj] {
			m.codelessErrs[obj] = true
		}
	}
	return m, nil
}

// collectFuncs finds the package's functions with bodies: declarations and
// literals, in source order, and the literals bound once to a local
// variable or given to a retry library.
func (pr *protocol) collectFuncs() {
	info := pr.pass.TypesInfo
	assigned := make(map[*types.Var]int)
	bound := make(map[*types.Var]*ast.FuncLit)
	retried := make(map[*ast.FuncLit]retryErrors)
	for _, file := range pr.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					return false
				}
				fn, _ := info.Defs[n.Name].(*types.Func)
				f := &Func{Decl: n, Obj: fn, Body: n.Body}
				if fn != nil {
					f.Sig = fn.Signature()
					pr.byObj[fn] = f
				}
				pr.funcs = append(pr.funcs, f)
			case *ast.FuncLit:
				f := &Func{Lit: n, Body: n.Body}
				f.Sig, _ = info.TypeOf(n).(*types.Signature)
				pr.byLit[n] = f
				pr.funcs = append(pr.funcs, f)
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if v, ok := exprVar(info, lhs); ok {
						assigned[v]++
						if len(n.Lhs) == len(n.Rhs) {
							if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.FuncLit); ok {
								bound[v] = lit
							}
						}
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if v, ok := info.Defs[name].(*types.Var); ok {
						assigned[v]++
						if len(n.Values) == len(n.Names) {
							if lit, ok := ast.Unparen(n.Values[i]).(*ast.FuncLit); ok {
								bound[v] = lit
							}
						}
					}
				}
			case *ast.CallExpr:
				if r := pr.retryLibraryCall(n); r != notRetried {
					for _, a := range n.Args {
						if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && returnsError(info, lit) {
							retried[lit] = r
						}
					}
				}
			}
			return true
		})
	}
	for lit, r := range retried {
		pr.byLit[lit].Retried = r
	}
	for v, lit := range bound {
		if assigned[v] == 1 && v.Parent() != v.Pkg().Scope() {
			f := pr.byLit[lit]
			f.Var = v
			pr.litVars[v] = f
		}
	}
}

func exprVar(info *types.Info, e ast.Expr) (*types.Var, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	return v, ok
}

// noteVars records the variables assigned errors that carry codes, the
// ok of comma-ok lookups in sets, and the booleans assigned a condition.
func (pr *protocol) noteVars() {
	info := pr.pass.TypesInfo
	assigned := make(map[types.Object]int)
	for _, file := range pr.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				pr.noteCodeErrors(n.Lhs, n.Rhs)
				pr.noteOKLookup(n.Lhs, n.Rhs)
				for i, lhs := range n.Lhs {
					obj := location(info, lhs)
					assigned[obj]++
					if len(n.Lhs) == len(n.Rhs) && isBool(info.TypeOf(lhs)) && isCondExpr(n.Rhs[i]) {
						if _, isIdent := ast.Unparen(lhs).(*ast.Ident); isIdent {
							pr.boolVars[obj] = n.Rhs[i]
						}
					}
				}
			case *ast.IncDecStmt:
				assigned[location(info, n.X)]++
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, name := range n.Names {
					lhs[i] = name
				}
				pr.noteCodeErrors(lhs, n.Values)
				for i, name := range n.Names {
					obj := info.Defs[name]
					assigned[obj]++
					if len(n.Values) == len(n.Names) && isBool(info.TypeOf(name)) && isCondExpr(n.Values[i]) {
						pr.boolVars[obj] = n.Values[i]
					}
				}
			}
			return true
		})
	}
	for obj := range pr.boolVars {
		if assigned[obj] != 1 {
			delete(pr.boolVars, obj)
		}
	}
}

// isCondExpr reports whether e is a comparison, a call or a logical
// operation: something a condition can be, and not a copy of another
// boolean (which could make the lookup go round).
func isCondExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr, *ast.CallExpr, *ast.IndexExpr:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.NOT
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// findSliceRoles finds the functions callers hand slice requests to.
func (pr *protocol) findSliceRoles() {
	for _, f := range pr.funcs {
		for _, c := range f.calls {
			if c.sum == nil || c.sum.local == nil {
				continue
			}
			if ops := c.request.opsSent(); ops&cosapi.OpData != 0 && !ops.Restarts() {
				pr.sliceRole[c.sum.local] = true
			}
		}
	}
}

// isSliceSender reports whether calling f sends a slice into an existing
// session: by what it sends, by the slice requests callers hand it, or
// (the last evidence) by its name.
func (pr *protocol) isSliceSender(f *Func) bool {
	if f.ops.Restarts() {
		return false
	}
	if f.ops&cosapi.OpData != 0 || pr.sliceRole[f] {
		return true
	}
	return f.ops == 0 && f.Obj != nil && f.transmits && isSliceSendName(f.Obj.Name())
}

// inTest reports whether pos is in a _test.go file.
func (pr *protocol) inTest(pos token.Pos) bool {
	return strings.HasSuffix(pr.pass.Fset.Position(pos).Filename, "_test.go")
}

// diag records a classifier's diagnostic once per position, and not in
// tests: a test compares codes to check a client, it is none.
func (pr *protocol) diag(d analysis.Diagnostic) {
	if pr.reported[d.Pos] || pr.inTest(d.Pos) {
		return
	}
	pr.reported[d.Pos] = true
	pr.diags = append(pr.diags, d)
}

// exportFacts publishes what importers can call or name.
func (pr *protocol) exportFacts() {
	for _, f := range pr.funcs {
		if f.Obj == nil || !f.Obj.Exported() || pr.inTest(f.Obj.Pos()) {
			continue
		}
		if ops := f.ops.Upload(); ops != 0 {
			pr.pass.ExportObjectFact(f.Obj, &funcFact{Ops: ops, Transmits: f.transmits, ReqParams: f.reqParams, SessionParams: f.sessionParams, CodeErrors: f.codeErrors})
		}
	}
}
