package reupload

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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
		if types.Identical(sig.Results().At(i).Type(), types.Universe.Lookup("error").Type()) {
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
func (ck *checker) findCodeErrors() {
	for range 2 {
		ck.findCodeErrorsOnce()
	}
}

func (ck *checker) findCodeErrorsOnce() {
	for _, f := range ck.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := ck.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || ck.codeErrors[fn] {
				continue
			}
			// Only a function whose one result is the error: one that also
			// returns the answer leaves the code in the answer.
			sig := fn.Type().(*types.Signature)
			if sig.Results().Len() == 1 && errorResult(sig) == 0 && ck.returnsCodeError(fd.Body.List, 0, 1, false) {
				ck.codeErrors[fn] = true
			}
		}
	}
}

// returnsCodeError walks a statement list; failing says the conditions
// on the way hold only for failure codes.
func (ck *checker) returnsCodeError(list []ast.Stmt, errIndex, results int, failing bool) bool {
	for _, s := range list {
		if ck.stmtReturnsCodeError(s, errIndex, results, failing) {
			return true
		}
	}
	return false
}

func (ck *checker) stmtReturnsCodeError(s ast.Stmt, errIndex, results int, failing bool) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		if len(s.Results) != results {
			return false
		}
		e := s.Results[errIndex]
		if tv := ck.pass.TypesInfo.Types[e]; tv.IsNil() {
			return false
		}
		return failing || ck.mentionsCode(e) || ck.isCodeError(e)
	case *ast.AssignStmt:
		ck.noteCodeErrors(s.Lhs, s.Rhs)
	case *ast.IfStmt:
		if s.Init != nil && ck.stmtReturnsCodeError(s.Init, errIndex, results, failing) {
			return true
		}
		// A test fails a code when it leaves 0 out (code != 0, code < 0,
		// code == -71). A test of the HTTP status alone says nothing of
		// the code.
		c := ck.cond(s.Cond)
		if ck.returnsCodeError(s.Body.List, errIndex, results, failing || c.mentions && !c.sel.hasValue(0)) {
			return true
		}
		if s.Else != nil {
			return ck.stmtReturnsCodeError(s.Else, errIndex, results, failing || c.mentions && c.sel.hasValue(0) && !c.opaque)
		}
	case *ast.SwitchStmt:
		tagIsCode := s.Tag != nil && ck.isCode(s.Tag)
		var cases codeSet
		for _, st := range s.Body.List {
			if cc := st.(*ast.CaseClause); tagIsCode && cc.List != nil {
				cases = cases.union(ck.caseCond(cc.List).sel)
			}
		}
		for _, st := range s.Body.List {
			cc := st.(*ast.CaseClause)
			f := failing
			if tagIsCode {
				if cc.List == nil {
					f = f || cases.hasValue(0)
				} else {
					f = f || !ck.caseCond(cc.List).sel.hasValue(0)
				}
			}
			if ck.returnsCodeError(cc.Body, errIndex, results, f) {
				return true
			}
		}
	case *ast.BlockStmt:
		return ck.returnsCodeError(s.List, errIndex, results, failing)
	case *ast.LabeledStmt:
		return ck.stmtReturnsCodeError(s.Stmt, errIndex, results, failing)
	case *ast.ForStmt:
		return ck.returnsCodeError(s.Body.List, errIndex, results, failing)
	case *ast.RangeStmt:
		return ck.returnsCodeError(s.Body.List, errIndex, results, failing)
	}
	return false
}

// mentionsCode reports whether an expression holds a code somewhere:
// &Error{Code: r.Code}, fmt.Errorf("code %d", r.Code).
func (ck *checker) mentionsCode(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			if _, isLit := n.(*ast.FuncLit); isLit {
				return false
			}
			found = ck.isCode(x)
		}
		return !found
	})
	return found
}

// carriesCodes reports whether a function's error result carries the
// failure codes: for this package's functions by reading them, for
// others' by their facts.
func (ck *checker) carriesCodes(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if fn.Pkg() == ck.pass.Pkg {
		return ck.codeErrors[fn]
	}
	var f opsFact
	return ck.pass.ImportObjectFact(fn, &f) && f.CodeErrors
}

// noteCodeErrors marks the variables assigned the error result of a call
// that carries the failure codes: err in err := c.sliceData(...).
func (ck *checker) noteCodeErrors(lhs []ast.Expr, rhs []ast.Expr) {
	if len(rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	fn := typeutil.StaticCallee(ck.pass.TypesInfo, call)
	if !ck.carriesCodes(fn) {
		return
	}
	i := errorResult(fn.Type().(*types.Signature))
	if i < 0 || i >= len(lhs) {
		return
	}
	if id, ok := ast.Unparen(lhs[i]).(*ast.Ident); ok && id.Name != "_" {
		if obj := ck.pass.TypesInfo.ObjectOf(id); obj != nil {
			ck.codeErrVars[obj] = true
		}
	}
}

// compareErr evaluates `err == nil` and `err != nil` for an error that
// carries the failure codes.
func (ck *checker) compareErr(e *ast.BinaryExpr) (condInfo, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return condInfo{}, false
	}
	x, y := e.X, e.Y
	if ck.pass.TypesInfo.Types[x].IsNil() {
		x, y = y, x
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || !ck.pass.TypesInfo.Types[y].IsNil() || !ck.codeErrVars[ck.pass.TypesInfo.Uses[id]] {
		return condInfo{}, false
	}
	if e.Op == token.EQL {
		return exactCond(successCodes, e), true
	}
	return exactCond(successCodes.complement(), e), true
}

// inspectsCodeError reports whether a condition looks into an error that
// carries the failure codes (errors.Is(err, errSession), isRetryable(err),
// err.(*Error)) otherwise than by comparing it with nil.
func (ck *checker) inspectsCodeError(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			for _, a := range n.Args {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok && ck.codeErrVars[ck.pass.TypesInfo.Uses[id]] {
					found = true
				}
			}
		case *ast.TypeAssertExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && ck.codeErrVars[ck.pass.TypesInfo.Uses[id]] {
				found = true
			}
		}
		return !found
	})
	return found
}

// isCodeError reports whether an expression is an error that carries the
// failure codes: a variable assigned one, or a call that returns one
// (return c.call(ctx, "upload_slice_data", ...)).
func (ck *checker) isCodeError(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return ck.codeErrVars[ck.pass.TypesInfo.Uses[e]]
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(ck.pass.TypesInfo, e)
		if !ck.carriesCodes(fn) {
			return false
		}
		sig := fn.Type().(*types.Signature)
		return sig.Results().Len() == 1 && errorResult(sig) == 0
	}
	return false
}
