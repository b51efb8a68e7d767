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
// code field, an integer, an error that carries codes) and no condition
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
	out := make(map[*ast.CallExpr]bool)
	for _, a := range f.Answers() {
		if a.Used || !carriesCode(info, m, a) {
			continue
		}
		tested := false
		for _, c := range conds {
			if testsCode(info, m, a, c) {
				tested = true
				break
			}
		}
		if !tested {
			out[a.Call] = true
		}
	}
	return out
}

// carriesCode reports whether the answer can carry a code.
func carriesCode(info *types.Info, m *Model, a *Answer) bool {
	for _, v := range a.Vars() {
		if codeCarrier(m, v) {
			return true
		}
	}
	return false
}

func codeCarrier(m *Model, v types.Object) bool {
	t := v.Type()
	return cosapi.HasCodeField(t) || exprinfo.IsInteger(t) || isErrorType(t) && !m.CodelessErr(v)
}

// testsCode reports whether condition c reads the code of answer a.
func testsCode(info *types.Info, m *Model, a *Answer, c ast.Expr) bool {
	found := false
	ast.Inspect(c, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal {
				if field, _ := cosapi.CodeField(info.TypeOf(n.X)); field != nil && field == sel.Obj() && holdsRoot(info, a, n.X) {
					found = true
				}
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && a.Holds(v) && (exprinfo.IsInteger(v.Type()) || isErrorType(v.Type()) && !m.CodelessErr(v)) {
				found = true
			}
		}
		return true
	})
	return found
}

// holdsRoot reports whether the variable at the root of e holds answer a.
func holdsRoot(info *types.Info, a *Answer, e ast.Expr) bool {
	id := exprinfo.RootIdent(e)
	return id != nil && a.Holds(info.Uses[id])
}
