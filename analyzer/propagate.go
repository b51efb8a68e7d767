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
		fn, ok := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
		if !ok {
			return noDomain
		}
		return s.objDomain(fn, f.fromResult)
	}
	return s.domainOf(f.from)
}
