package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// maxRounds bounds the propagation. Each round is linear in the package;
// a chain of copies longer than this, written against the flow of the
// source, is not followed.
const maxRounds = 8

// propagate follows codes along the package's flows (assignments, fields,
// arguments, results) until nothing changes.
func (s *state) propagate(flows []flow) {
	for range maxRounds {
		changed := false
		for _, f := range flows {
			if s.mark(f.to, s.flowDomain(f), f.result) {
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func (s *state) flowDomain(f flow) domain {
	switch {
	case f.fromObj != nil:
		return s.objDomain(f.fromObj, 0)
	case f.fromResult >= 0:
		call, ok := ast.Unparen(f.from).(*ast.CallExpr)
		if !ok {
			return noDomain
		}
		if from, ok := convertedFrom(s.pass.TypesInfo, call, f.fromResult); ok {
			return s.domainOf(from)
		}
		fn, ok := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
		if !ok {
			return noDomain
		}
		return s.objDomain(fn, f.fromResult)
	}
	return s.domainOf(f.from)
}

// convertedFrom returns the operand whose code the given result of a
// standard conversion carries: strconv.Atoi(s), strconv.ParseInt(s, ...),
// strconv.Itoa(i), n.Int64() and n.String() of a json.Number (a code
// decoded with UseNumber).
func convertedFrom(info *types.Info, call *ast.CallExpr, result int) (ast.Expr, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || result != 0 {
		return nil, false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strconv.Atoi", "strconv.ParseInt", "strconv.Itoa", "strconv.FormatInt":
		if len(call.Args) > 0 {
			return call.Args[0], true
		}
	case "encoding/json.Int64", "encoding/json.String":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X, true
		}
	}
	return nil, false
}
