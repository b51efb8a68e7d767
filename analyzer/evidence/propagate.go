package evidence

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
func (s *store) propagate(flows []Flow) {
	for range maxRounds {
		changed := false
		for _, f := range flows {
			if s.mark(f.To, s.flowDomain(f), f.Result) {
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func (s *store) flowDomain(f Flow) Domain {
	switch {
	case f.FromObj != nil:
		return s.objDomain(f.FromObj, 0)
	case f.FromResult >= 0:
		call, ok := ast.Unparen(f.From).(*ast.CallExpr)
		if !ok {
			return NoDomain
		}
		if from, ok := convertedFrom(s.pass.TypesInfo, call, f.FromResult); ok {
			return s.domainOf(from)
		}
		fn := typeutil.Callee(s.pass.TypesInfo, call)
		if fn == nil {
			return NoDomain
		}
		return s.objDomain(fn, f.FromResult)
	}
	return s.domainOf(f.From)
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
