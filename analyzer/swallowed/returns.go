package swallowed

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// A successTest says whether a return reports success; holdsReply says
// whether an expression there may hold the last reply, and answered
// whether the failure on the way was answered with a failure code (the
// request's error then is nil, where it carries no code).
type successTest func(ret *ast.ReturnStmt, holdsReply func(ast.Expr) bool, answered bool) bool

// successReturn returns the test of which returns of f report success: a
// nil error where f has an error result, true where it has a bool result
// (and no false one), and nothing that carries the last reply to the
// caller (a value of the API's envelope that holds it, or a code: the
// caller tests it). An error text in a result slot carries nothing: the
// caller gets a nil error.
func successReturn(pass *analysis.Pass, ev *evidence.Result, m *upload.Model, f *upload.Func) successTest {
	info := pass.TypesInfo
	never := func(*ast.ReturnStmt, func(ast.Expr) bool, bool) bool { return false }
	if f.Sig == nil {
		return never
	}
	results := f.Sig.Results()
	errIndex, bools := -1, []int(nil)
	for i := range results.Len() {
		t := results.At(i).Type()
		switch {
		case exprinfo.IsError(t):
			errIndex = i
		case isBool(t):
			bools = append(bools, i)
		}
	}
	if errIndex < 0 && len(bools) == 0 {
		return never // no way to tell a failure
	}
	return func(ret *ast.ReturnStmt, holdsReply func(ast.Expr) bool, answered bool) bool {
		if len(ret.Results) != results.Len() {
			return false // a bare return, or return of a call's results
		}
		if errIndex >= 0 && !info.Types[ret.Results[errIndex]].IsNil() && !(answered && codelessErr(info, m, ret.Results[errIndex], holdsReply)) {
			return false
		}
		if len(bools) > 0 {
			yes := false
			for _, i := range bools {
				tv := info.Types[ret.Results[i]]
				if tv.Value == nil || tv.Value.Kind() != constant.Bool {
					return false // a flag the check cannot read
				}
				yes = yes || constant.BoolVal(tv.Value)
			}
			if !yes {
				return false
			}
		}
		for i, r := range ret.Results {
			if i != errIndex && carriesReply(info, ev, r, holdsReply) {
				return false
			}
		}
		return true
	}
}

// carriesReply reports whether a returned value gives the caller the last
// reply: the envelope (or a type that holds it) holding it, or a code.
func carriesReply(info *types.Info, ev *evidence.Result, e ast.Expr, holdsReply func(ast.Expr) bool) bool {
	if ev.IsCode(e) {
		return true
	}
	return cosapi.HasCodeField(info.TypeOf(e)) && !info.Types[e].IsNil() && holdsReply(e)
}

// codelessErr reports whether e is the error of the failed request, one
// that carries no code: nil where the request was answered with a code
// (return "The net is disconnected!!!", err after a refused slice).
func codelessErr(info *types.Info, m *upload.Model, e ast.Expr, holdsReply func(ast.Expr) bool) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && m.CodelessErr(info.Uses[id]) && holdsReply(e)
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}
