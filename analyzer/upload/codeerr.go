package upload

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// Slice senders that report a failure code as an error, such as
//
//	func (c *Client) sliceData(...) error {
//		...
//		if r.Code != 0 {
//			return &Error{Code: r.Code, Message: r.Message}
//		}
//		return nil
//	}
//
// make `err != nil` a test of the code: a loop that resends the slice
// whenever err != nil resends it on every failure code.

// errorResult returns the index of a function's error result, or -1.
func errorResult(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if exprinfo.IsError(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// findCodeErrors finds the package's functions whose error result carries
// the failure codes: a return of a non-nil error under a condition that
// holds only for failure codes, or of an error built from a code.
//
// Two rounds let a function that returns what another one returns be
// found whatever their order in the source.
func (pr *protocol) findCodeErrors() {
	for range 2 {
		pr.findCodeErrorsOnce()
	}
}

func (pr *protocol) findCodeErrorsOnce() {
	for _, f := range pr.funcs {
		if f.codeErrors || f.Sig == nil || f.Obj == nil && f.Var == nil {
			continue
		}
		// Only a function whose other results cannot hold the code: one
		// that also returns the answer (a type with a code, an integer)
		// leaves the code in the answer; one that returns the session
		// and an error (begin(...) (string, error)) puts it in the error.
		results := f.Sig.Results().Len()
		errIndex := errorResult(f.Sig)
		if errIndex >= 0 && !resultsHoldCode(f.Sig, errIndex) && pr.returnsCodeError(f.Body.List, errIndex, results, false) {
			f.codeErrors = true
			if f.Obj != nil {
				pr.codeErrors[f.Obj] = true
			}
		}
	}
}

// resultsHoldCode reports whether a result of sig other than the error
// can hold a code: an integer, or a type with a code field.
func resultsHoldCode(sig *types.Signature, errIndex int) bool {
	for i := range sig.Results().Len() {
		t := sig.Results().At(i).Type()
		if i != errIndex && (exprinfo.IsInteger(t) || cosapi.HasCodeField(t) || types.IsInterface(t)) {
			return true
		}
	}
	return false
}

// returnsCodeError walks a statement list; failing says the conditions
// on the way hold only for failure codes.
func (pr *protocol) returnsCodeError(list []ast.Stmt, errIndex, results int, failing bool) bool {
	for _, s := range list {
		if pr.stmtReturnsCodeError(s, errIndex, results, failing) {
			return true
		}
	}
	return false
}

func (pr *protocol) stmtReturnsCodeError(s ast.Stmt, errIndex, results int, failing bool) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		if len(s.Results) != results {
			return false
		}
		e := s.Results[errIndex]
		if tv := pr.pass.TypesInfo.Types[e]; tv.IsNil() {
			return false
		}
		return failing || pr.mentionsCode(e) || pr.isCodeError(e)
	case *ast.AssignStmt:
		pr.noteCodeErrors(s.Lhs, s.Rhs)
	case *ast.IfStmt:
		if s.Init != nil && pr.stmtReturnsCodeError(s.Init, errIndex, results, failing) {
			return true
		}
		// A test fails a code when it leaves 0 out (code != 0, code < 0,
		// code == -71). A test of the HTTP status alone says nothing of
		// the code.
		c := pr.cond(s.Cond)
		if pr.returnsCodeError(s.Body.List, errIndex, results, failing || c.mentions && !c.sel.HasValue(0)) {
			return true
		}
		if s.Else != nil {
			return pr.stmtReturnsCodeError(s.Else, errIndex, results, failing || c.mentions && c.sel.HasValue(0) && !c.opaque)
		}
	case *ast.SwitchStmt:
		tagIsCode := s.Tag != nil && pr.isCode(s.Tag)
		var cases codeset.Set
		for _, st := range s.Body.List {
			if cc := st.(*ast.CaseClause); tagIsCode && cc.List != nil {
				cases = cases.Union(pr.caseCond(cc.List).sel)
			}
		}
		for _, st := range s.Body.List {
			cc := st.(*ast.CaseClause)
			f := failing
			if tagIsCode {
				if cc.List == nil {
					f = f || cases.HasValue(0)
				} else {
					f = f || !pr.caseCond(cc.List).sel.HasValue(0)
				}
			}
			if pr.returnsCodeError(cc.Body, errIndex, results, f) {
				return true
			}
		}
	case *ast.BlockStmt:
		return pr.returnsCodeError(s.List, errIndex, results, failing)
	case *ast.LabeledStmt:
		return pr.stmtReturnsCodeError(s.Stmt, errIndex, results, failing)
	case *ast.ForStmt:
		return pr.returnsCodeError(s.Body.List, errIndex, results, failing)
	case *ast.RangeStmt:
		return pr.returnsCodeError(s.Body.List, errIndex, results, failing)
	}
	return false
}

// mentionsCode reports whether an expression holds a code somewhere:
// &Error{Code: r.Code}, fmt.Errorf("code %d", r.Code).
func (pr *protocol) mentionsCode(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			if _, isLit := n.(*ast.FuncLit); isLit {
				return false
			}
			found = pr.isCode(x)
		}
		return !found
	})
	return found
}

// carriesCodes reports whether a function's error result carries the
// failure codes: for this package's functions by reading them, for
// others' by their facts.
func (pr *protocol) carriesCodes(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if fn.Pkg() == pr.pass.Pkg {
		return pr.codeErrors[fn]
	}
	f := pr.funcFact(fn)
	return f != nil && f.CodeErrors
}

// callCarriesCodes reports whether a call's error result carries the
// failure codes, and returns the callee's signature.
func (pr *protocol) callCarriesCodes(call *ast.CallExpr) (*types.Signature, bool) {
	if fn := typeutil.StaticCallee(pr.pass.TypesInfo, call); fn != nil {
		return fn.Type().(*types.Signature), pr.carriesCodes(fn.Origin())
	}
	if lit := pr.litCallee(call); lit != nil && lit.Sig != nil {
		return lit.Sig, lit.codeErrors
	}
	return nil, false
}

// noteCodeErrors marks the variables assigned the error result of a call
// that carries the failure codes: err in err := c.sliceData(...).
func (pr *protocol) noteCodeErrors(lhs []ast.Expr, rhs []ast.Expr) {
	if len(rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	sig, carries := pr.callCarriesCodes(call)
	if !carries {
		return
	}
	i := errorResult(sig)
	if i < 0 || i >= len(lhs) {
		return
	}
	if id, ok := ast.Unparen(lhs[i]).(*ast.Ident); ok && id.Name != "_" {
		if obj := pr.pass.TypesInfo.ObjectOf(id); obj != nil {
			pr.codeErrVars[obj] = true
		}
	}
}

// compareErr evaluates `err == nil` and `err != nil` for an error that
// carries the failure codes.
func (pr *protocol) compareErr(e *ast.BinaryExpr) (condInfo, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return condInfo{}, false
	}
	x, y := e.X, e.Y
	if pr.pass.TypesInfo.Types[x].IsNil() {
		x, y = y, x
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || !pr.pass.TypesInfo.Types[y].IsNil() || !pr.codeErrVars[pr.pass.TypesInfo.Uses[id]] {
		return condInfo{}, false
	}
	if e.Op == token.EQL {
		return exactCond(codeset.Success(), e), true
	}
	return exactCond(codeset.Success().Complement(), e), true
}

// isCodeError reports whether an expression is an error that carries the
// failure codes: a variable assigned one, or a call that returns one
// (return c.call(ctx, "upload_slice_data", ...)).
func (pr *protocol) isCodeError(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return pr.codeErrVars[pr.pass.TypesInfo.Uses[e]]
	case *ast.CallExpr:
		sig, carries := pr.callCarriesCodes(e)
		return carries && sig.Results().Len() == 1 && errorResult(sig) == 0
	}
	return false
}
