package codeconst

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// A constant the program writes into a code (reply.Code = -1, code :=
// -1, return -1, Reply{Code: -1}, newReply(-1, ...)) is not always the
// API's: clients invent codes of their own, and naming such a value after
// the catalog would write a false meaning into the code. Two pieces of
// evidence say a written code is the program's own:
//
//   - it is 0 or of the SDK family (-1..-4), the values clients use for
//     "no code yet", "no data", "other error", and nothing in the package
//     compares a code of the API with that value;
//   - a message is written beside it, in the same struct literal or on the
//     same value in the same or an adjacent statement (reply.Code = -1;
//     reply.Message = "no data"), and it is not the catalog's message for
//     the value: the client says what its code means.
//
// A comparison X == v says v is the API's unless it tests a value of the
// program's own: v is 0 or of the SDK family, and the program itself
// writes v into the declaration X reads (its own values, below). Such a
// test (code := -1 ... for code == -1) is no evidence, and is not
// reported either, as long as no comparison with a code of the API makes
// v the API's in the package.
//
// The program's own values of a declaration are the constants 0..-4 it
// writes into it where the API cannot write: into a local variable, a
// parameter or a result of one of the package's functions, directly or
// through other such declarations (return -1; code, err := f(); code ==
// -1); and those it writes anywhere, a response's code field included,
// with a message of its own beside them (reply.Code = -1; reply.Message =
// "no data" ... r.Code == -1). A constant written into a field or a
// package-level variable without such a message may be the API's: a
// response decoded from the wire fills the same field.

// isSDKOrSuccess reports whether v is a value clients also use as codes
// of their own.
func isSDKOrSuccess(v int) bool { return v >= -4 && v <= 0 }

// A decl is a declaration values are written into and read from: a
// variable or field, or a function's result at index result.
type decl struct {
	obj    types.Object
	result int
}

// ownValues returns, for each declaration, the values of 0 and the SDK
// family that the program itself writes into it (see above).
func (ck *checker) ownValues(flows []evidence.Flow) map[decl]map[int]bool {
	info := ck.pass.TypesInfo
	own := make(map[decl]map[int]bool)
	add := func(d decl, v int) bool {
		if own[d][v] {
			return false
		}
		if own[d] == nil {
			own[d] = make(map[int]bool)
		}
		own[d][v] = true
		return true
	}
	next := make(map[decl][]decl) // the program's own declarations each one's values flow into
	for _, f := range flows {
		to := decl{exprinfo.Origin(f.To), f.Result}
		if f.FromObj == nil && f.FromResult < 0 {
			if v, ok := exprinfo.IntConst(info, f.From); ok {
				if isSDKOrSuccess(v) && (ck.ownStorage(to.obj) || ck.clientMessage(f.From, v)) {
					add(to, v)
				}
				continue
			}
		}
		if !ck.ownStorage(to.obj) {
			continue
		}
		if from, ok := ck.flowSource(f); ok && from != to {
			next[from] = append(next[from], to)
		}
	}
	var work []decl
	for d := range own {
		work = append(work, d)
	}
	for len(work) > 0 {
		d := work[len(work)-1]
		work = work[:len(work)-1]
		for _, to := range next[d] {
			changed := false
			for v := range own[d] {
				if add(to, v) {
					changed = true
				}
			}
			if changed {
				work = append(work, to)
			}
		}
	}
	return own
}

// ownStorage reports whether only the program writes into obj: a local
// variable or parameter, or a function, of the package. The API's codes
// reach them through the program's own statements.
func (ck *checker) ownStorage(obj types.Object) bool {
	if obj == nil || obj.Pkg() != ck.pass.Pkg {
		return false
	}
	switch obj := obj.(type) {
	case *types.Var:
		return !obj.IsField() && obj.Parent() != obj.Pkg().Scope()
	case *types.Func:
		return true
	}
	return false
}

// flowSource returns the declaration a flow's value is read from.
func (ck *checker) flowSource(f evidence.Flow) (decl, bool) {
	switch {
	case f.FromObj != nil:
		return decl{exprinfo.Origin(f.FromObj), 0}, true
	case f.FromResult >= 0:
		call, ok := ast.Unparen(f.From).(*ast.CallExpr)
		if !ok {
			return decl{}, false
		}
		fn := typeutil.Callee(ck.pass.TypesInfo, call)
		if fn == nil {
			return decl{}, false
		}
		return decl{exprinfo.Origin(fn), f.FromResult}, true
	}
	return ck.readDecl(f.From)
}

// readDecl returns the declaration e reads: a variable or field, a
// channel received from, or the function a call calls (its first result),
// through conversions.
func (ck *checker) readDecl(e ast.Expr) (decl, bool) {
	info := ck.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			if v := exprinfo.Var(info, x.X); v != nil {
				return decl{exprinfo.Origin(v), 0}, true
			}
		}
		return decl{}, false
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return ck.readDecl(x.Args[0])
			}
			return decl{}, false
		}
		if fn := typeutil.Callee(info, x); fn != nil {
			return decl{exprinfo.Origin(fn), 0}, true
		}
		return decl{}, false
	}
	if v := exprinfo.Var(info, e); v != nil {
		return decl{exprinfo.Origin(v), 0}, true
	}
	return decl{}, false
}

// testsOwnValue reports whether comparing the code x with the constant v
// tests a value the program itself writes into what x reads.
func (ck *checker) testsOwnValue(x ast.Expr, v int) bool {
	if !isSDKOrSuccess(v) {
		return false
	}
	d, ok := ck.readDecl(x)
	return ok && ck.own[d][v]
}

// comparedValues returns the values the package compares codes of the API
// with: comparisons that test a value of the program's own do not count.
func (ck *checker) comparedValues(syn *evidence.Syntax) map[int]bool {
	out := make(map[int]bool)
	info := ck.pass.TypesInfo
	for _, c := range syn.Comparisons {
		for _, pair := range [2][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
			if ck.ev.IsCode(pair[0]) {
				if v, ok := exprinfo.IntConst(info, pair[1]); ok && !ck.testsOwnValue(pair[0], v) {
					out[v] = true
				}
			}
		}
	}
	return out
}

// ownTest reports whether the comparison of the code x with the constant
// e tests the program's own value, and is not reported: the program
// writes it into what x reads, and compares no code of the API with it.
func (ck *checker) ownTest(x, e ast.Expr) bool {
	v, ok := exprinfo.IntConst(ck.pass.TypesInfo, e)
	return ok && !ck.compared[v] && ck.testsOwnValue(x, v)
}

// clientMade reports whether the constant e, written into a code, is the
// program's own code rather than the API's.
func (ck *checker) clientMade(e ast.Expr, v int) bool {
	if isSDKOrSuccess(v) && !ck.compared[v] {
		return true
	}
	return ck.clientMessage(e, v)
}

// clientMessage reports whether a message of the program's is written
// beside the code value e: one that is not the catalog's message for v
// (a fake server answering as COS does writes the API's code).
func (ck *checker) clientMessage(e ast.Expr, v int) bool {
	msg, ok := ck.messageBeside(e)
	if !ok {
		return false
	}
	for _, c := range catalog.ByValue(v) {
		if c.Message == msg {
			return false // the API's own message: the API's code (a fake server)
		}
	}
	return true
}

// messageBeside returns the string constant written as the message next
// to the code value e: in the same composite literal, or assigned to the
// message field of the same value in the same statement or the one before
// or after it.
func (ck *checker) messageBeside(e ast.Expr) (string, bool) {
	insp := ck.ev.Inspector()
	if insp == nil {
		return "", false
	}
	cur, ok := insp.Root().FindByPos(e.Pos(), e.End())
	if !ok {
		return "", false
	}
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.KeyValueExpr:
		if lit, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
			return ck.literalMessage(lit)
		}
	case *ast.AssignStmt:
		root := ""
		for i, r := range p.Rhs {
			if r == e && i < len(p.Lhs) {
				if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok {
					root = types.ExprString(sel.X)
				}
			}
		}
		if root == "" {
			return "", false
		}
		if msg, ok := ck.assignedMessage(p, root); ok {
			return msg, true
		}
		for _, sib := range []func() (inspector.Cursor, bool){parent.PrevSibling, parent.NextSibling} {
			if s, ok := sib(); ok {
				if as, ok := s.Node().(*ast.AssignStmt); ok {
					if msg, ok := ck.assignedMessage(as, root); ok {
						return msg, true
					}
				}
			}
		}
	}
	return "", false
}

// literalMessage returns the string constant a struct literal gives its
// message field.
func (ck *checker) literalMessage(lit *ast.CompositeLit) (string, bool) {
	t := ck.pass.TypesInfo.TypeOf(lit)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && cosapi.IsMessageField(t, ck.pass.TypesInfo.Uses[id]) {
			return ck.stringConst(kv.Value)
		}
	}
	return "", false
}

// assignedMessage returns the string constant an assignment gives the
// message field of the value root.
func (ck *checker) assignedMessage(as *ast.AssignStmt, root string) (string, bool) {
	if len(as.Lhs) != len(as.Rhs) {
		return "", false
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if ok && types.ExprString(sel.X) == root && cosapi.IsMessageField(ck.pass.TypesInfo.TypeOf(sel.X), ck.pass.TypesInfo.Uses[sel.Sel]) {
			return ck.stringConst(as.Rhs[i])
		}
	}
	return "", false
}

func (ck *checker) stringConst(e ast.Expr) (string, bool) {
	tv, ok := ck.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return "", false
	}
	if tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
