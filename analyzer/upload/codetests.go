package upload

import (
	"go/ast"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// A reply whose code the function never tests hides its failures: `_ =
// json.Unmarshal(out, &q); return q.Data.Session, nil` reports an opener
// refused with any code as a success (swallowedfailure), and a slice loop
// that tests only the transport's error and the reply's address sends the
// next slice after a refused one (uncheckedslice).
//
// A reply counts as untested when it can carry a code (a reply with a
// code field, an error that carries codes) and no condition
// of the function reads it: a code field of a variable that holds it, an
// integer or an error with codes computed from it. A reply that carries
// no code (push(...) returning the last address) is tested however its
// author tests it.

// UntestedCalls returns the calls of f whose reply carries a code that no
// condition of f reads.
func (m *Model) UntestedCalls(info *types.Info, f *Func) map[*ast.CallExpr]bool {
	var conds []ast.Expr
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			conds = append(conds, n.Cond)
		case *ast.ForStmt:
			if n.Cond != nil {
				conds = append(conds, n.Cond)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				conds = append(conds, n.Tag)
			}
		case *ast.CaseClause:
			conds = append(conds, n.List...)
		case *ast.TypeSwitchStmt:
			if a, ok := n.Assign.(*ast.AssignStmt); ok {
				conds = append(conds, a.Rhs...)
			} else if e, ok := n.Assign.(*ast.ExprStmt); ok {
				conds = append(conds, e.X)
			}
		}
		return true
	})
	// What the conditions read, once: the variables at the root of a
	// code field's selector, and the code-holding variables they read
	// (one pass over the conditions, not one per answer).
	roots, read := make(map[types.Object]bool), make(map[types.Object]bool)
	for _, c := range conds {
		readsCode(info, m, c, roots, read)
	}
	out := make(map[*ast.CallExpr]bool)
	for _, a := range f.Answers() {
		if a.Used {
			continue
		}
		if a.Dropped {
			out[a.Call] = true // its code is thrown away: nothing can test it
			continue
		}
		if !carriesCode(m, a) {
			continue
		}
		tested := false
		for _, v := range a.Vars() {
			tested = tested || roots[v] || read[v]
		}
		if !tested {
			out[a.Call] = true
		}
	}
	return out
}

// carriesCode reports whether the answer can carry a code.
func carriesCode(m *Model, a *Answer) bool {
	for _, v := range a.Vars() {
		if codeCarrier(m, v) {
			return true
		}
	}
	return false
}

func codeCarrier(m *Model, v types.Object) bool {
	t := v.Type()
	// An integer computed from the reply is no evidence of a code (a part
	// number, a size): only the envelope's type, or an error that
	// carries codes, says the reply has one.
	return cosapi.HasCodeField(t) || exprinfo.IsError(t) && !m.CodelessErr(v)
}

// readsCode adds to roots the variables at the root of the code fields
// condition c reads (resp.Code: resp), and to read the variables it reads
// that hold a code (an integer, an error that carries codes).
func readsCode(info *types.Info, m *Model, c ast.Expr, roots, read map[types.Object]bool) {
	ast.Inspect(c, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal {
				if field, _ := cosapi.CodeField(info.TypeOf(n.X)); field != nil && field == sel.Obj() {
					if id := exprinfo.RootIdent(n.X); id != nil {
						roots[info.Uses[id]] = true
					}
				}
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && (exprinfo.IsInteger(v.Type()) || exprinfo.IsError(v.Type()) && !m.CodelessErr(v)) {
				read[v] = true
			}
		}
		return true
	})
}
