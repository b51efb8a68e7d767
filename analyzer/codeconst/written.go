package codeconst

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/ast/inspector"
)

// A constant the program writes into a code (reply.Code = -1, code :=
// -1, return -1, Reply{Code: -1}) is not always the API's: clients invent
// codes of their own, and naming such a value after the catalog would
// write a false meaning into the code. Two pieces of evidence say a
// written code is the program's own:
//
//   - it is 0 or of the SDK family (-1..-4), the values clients use for
//     "no code yet", "no data", "other error", and nothing in the package
//     compares a code of the API with that value;
//   - a message is written beside it, in the same struct literal or on the
//     same value in the same or an adjacent statement (reply.Code = -1;
//     reply.Message = "no data"), and it is not the catalog's message for
//     the value: the client says what its code means.
//
// Comparisons are never affected: what a code is compared with is the
// API's code.

// isSDKOrSuccess reports whether v is a value clients also use as codes
// of their own.
func isSDKOrSuccess(v int) bool { return v >= -4 && v <= 0 }

// comparedValues returns the values the package compares codes with, in
// comparisons and in the sets searched with a code.
func (ck *checker) comparedValues(syn *evidence.Syntax) map[int]bool {
	out := make(map[int]bool)
	info := ck.pass.TypesInfo
	for _, c := range syn.Comparisons {
		for _, pair := range [2][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
			if ck.ev.IsCode(pair[0]) {
				if v, ok := exprinfo.IntConst(info, pair[1]); ok {
					out[v] = true
				}
			}
		}
	}
	return out
}

// clientMade reports whether the constant e, written into a code, is the
// program's own code rather than the API's.
func (ck *checker) clientMade(e ast.Expr, v int) bool {
	if isSDKOrSuccess(v) && !ck.compared[v] {
		return true
	}
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
