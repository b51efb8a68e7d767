package upload

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// Where a function records that a request failed, so that the failure is
// not lost even when the function goes on: a value computed from the
// answer kept in a field, a global, a channel, an element, an accumulator
// or a variable it returns as its error or flag; a constant stored in a
// field or a global (u.state = failed); a call of a method that writes
// its receiver's state (u.fail()); and the flags and counters a later
// condition compares with their zero value (failed = true ... if failed).

// noteRecords sets the Records and Marks of f's nodes and the ZeroTests
// of its conditions; tests holds the nodes that are conditions.
func (pr *protocol) noteRecords(f *Func, tests map[ast.Node]bool) {
	info := pr.pass.TypesInfo
	answered := make(map[types.Object]bool)
	for _, a := range f.answers {
		for obj := range a.vars {
			answered[obj] = true
		}
	}
	returned := pr.returnedStatus(f)
	zero := make(map[types.Object]uint64) // the zero-tested variables, a bit each (64 at most)
	for n := range tests {
		if e, ok := n.(ast.Expr); ok {
			pr.zeroTests(f, e, zero)
		}
	}

	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			records, marks, tuple := false, uint64(0), false
			if u := f.looks[n]; u != nil {
				for _, obj := range u.kept {
					records = records || answered[obj]
				}
			}
			assign := func(lhs, rhs ast.Expr) {
				loc := location(info, lhs)
				if loc == nil {
					return
				}
				if _, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					// A call's own result (err := finish(), out, err :=
					// io.ReadAll(...)): its test is a test of that call,
					// not of a record of an earlier failure.
					return
				}
				marks |= zero[loc]
				if rhs == nil {
					// x++ or x += n: a counter; one beyond the function (a
					// field, or a variable of the function a literal is in)
					// keeps the count of failures for later.
					records = records || !f.isLocal(loc) || !isIdent(lhs)
					return
				}
				fromAnswer := false
				for _, obj := range reads(info, rhs) {
					fromAnswer = fromAnswer || answered[obj]
				}
				switch {
				case !f.isLocal(loc) || !isIdent(lhs):
					records = records || recordingConst(info, rhs)
				case returned[loc] && !tuple:
					// One result of a call of several (out, err :=
					// io.ReadAll(resp.Body)) is that call's own, not a
					// record of the answer it was given.
					records = records || fromAnswer || recordingConst(info, rhs)
				}
			}
			switch n := n.(type) {
			case *ast.SendStmt:
				records = true
			case *ast.AssignStmt:
				tuple = len(n.Lhs) > 1 && len(n.Rhs) == 1
				for lhs, rhs := range assignments(n.Lhs, n.Rhs) {
					if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
						rhs = nil // x += n: no new value to record
					}
					assign(lhs, rhs)
				}
			case *ast.ValueSpec:
				for lhs, rhs := range assignments(names(n), n.Values) {
					assign(lhs, rhs)
				}
			case *ast.IncDecStmt:
				assign(n.X, nil)
			}
			inspectCalls(n, func(call *ast.CallExpr) {
				if c := f.calls[call]; c != nil && c.sum != nil && c.sum.stateful && !c.transmits {
					records = true // u.fail(), u.markBroken()
				}
			})
			if records || marks != 0 {
				ni := f.nodes[n]
				if ni == nil {
					ni = &NodeInfo{}
					f.nodes[n] = ni
				}
				ni.Records, ni.Marks = records, marks
			}
		}
		if c := f.conds[b]; c != nil {
			var bits uint64
			pr.zeroTestsOf(b.Nodes[len(b.Nodes)-1].(ast.Expr), func(obj types.Object) { bits |= zero[obj] })
			c.ZeroTests = bits
		}
	}
}

// recordingConst reports whether e is a constant that records something:
// not nil, not zero, not "" (those reset).
func recordingConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Bool:
		return true
	case constant.String:
		return constant.StringVal(tv.Value) != ""
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) != 0
	}
	return false
}

// returnedStatus returns f's local variables that its returns give as its
// error or as a bool result: what is assigned them reaches the caller.
func (pr *protocol) returnedStatus(f *Func) map[types.Object]bool {
	out := make(map[types.Object]bool)
	if f.Sig == nil {
		return out
	}
	res := f.Sig.Results()
	status := func(i int) bool { t := res.At(i).Type(); return exprinfo.IsError(t) || isBool(t) }
	for i := range res.Len() {
		if status(i) && res.At(i).Name() != "" {
			out[res.At(i)] = true // a bare return returns it
		}
	}
	inspectBody(f.Body, func(n ast.Node) {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) != res.Len() {
			return
		}
		for i, r := range ret.Results {
			if status(i) {
				for _, obj := range reads(pr.pass.TypesInfo, r) {
					if f.isLocal(obj) {
						out[obj] = true
					}
				}
			}
		}
	})
	return out
}

// zeroTests gives a bit to each local variable that e compares with its
// zero value, up to 64.
func (pr *protocol) zeroTests(f *Func, e ast.Expr, zero map[types.Object]uint64) {
	pr.zeroTestsOf(e, func(obj types.Object) {
		if _, ok := zero[obj]; !ok && len(zero) < 64 && f.isLocal(obj) {
			zero[obj] = 1 << len(zero)
		}
	})
}

// zeroTestsOf calls found for each variable e compares with its zero
// value: failed, !ok, n > 0, n != 0, err != nil, msg == "", len(errs) > 0.
func (pr *protocol) zeroTestsOf(e ast.Expr, found func(types.Object)) {
	info := pr.pass.TypesInfo
	varOf := func(x ast.Expr) types.Object {
		x = ast.Unparen(x)
		if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
					x = ast.Unparen(call.Args[0])
				}
			}
		}
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				return v
			}
		}
		return nil
	}
	isZero := func(x ast.Expr) bool {
		tv, ok := info.Types[x]
		if !ok {
			return false
		}
		if tv.IsNil() {
			return true
		}
		if tv.Value == nil {
			return false
		}
		switch tv.Value.Kind() {
		case constant.Int, constant.Float:
			return constant.Sign(tv.Value) == 0
		case constant.String:
			return constant.StringVal(tv.Value) == ""
		case constant.Bool:
			return true
		}
		return false
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				for _, pair := range [2][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if v := varOf(pair[0]); v != nil && isZero(pair[1]) {
						found(v)
					}
				}
				return false
			}
		case *ast.Ident:
			if v := varOf(n); v != nil && isBool(v.Type()) {
				found(v) // if failed, if !ok
			}
		}
		return true
	})
}
