package message

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogfix"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

type checker struct {
	pass   *analysis.Pass
	ev     *evidence.Result
	fixes  *catalogfix.Fixer
	report func(analysis.Diagnostic)
	// envelopeErrors says that the package's envelope is its error type:
	// an error's text holds the message (errtext.go).
	envelopeErrors bool
}

// A comparison is a test of the envelope's message against a string
// constant.
type comparison struct {
	at   ast.Expr          // the test: a comparison, a call, a case value
	msg  *ast.SelectorExpr // the message field, as the test reads it
	text string            // the constant
	how  matching
	op   token.Token
	not  *ast.UnaryExpr // the ! of !strings.Contains(...), which the fix takes in
}

// comparisons returns the package's tests of the message against
// constants: resp.Message == "文件已存在" (either order, or !=), the
// strings functions that look for a text in it, and the case values of a
// switch on it.
func (ck *checker) comparisons() []comparison {
	var out []comparison
	info := ck.pass.TypesInfo
	kinds := []ast.Node{(*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil), (*ast.SwitchStmt)(nil), (*ast.UnaryExpr)(nil)}
	negated := make(map[*ast.CallExpr]*ast.UnaryExpr) // filled before the call is visited: preorder
	ck.ev.Inspector().Preorder(kinds, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && n.Op == token.NOT {
				negated[call] = n
			}
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return
			}
			for _, pair := range [2][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if msg := ck.messageField(pair[0]); msg != nil {
					if text, ok := stringConst(info, pair[1]); ok {
						out = append(out, comparison{at: n, msg: msg, text: text, how: equal, op: n.Op})
					}
				}
			}
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(info, n)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || len(n.Args) != 2 {
				return
			}
			how, ok := stringsMatching[fn.Name()]
			if !ok {
				return
			}
			args := [2][2]ast.Expr{{n.Args[0], n.Args[1]}}
			if fn.Name() == "EqualFold" {
				args[1] = [2]ast.Expr{n.Args[1], n.Args[0]}
			}
			for _, pair := range args {
				if pair[0] == nil {
					continue
				}
				msg := ck.messageField(pair[0])
				if msg == nil {
					msg = ck.errorText(pair[0])
				}
				if msg != nil {
					if text, ok := stringConst(info, pair[1]); ok {
						out = append(out, comparison{at: n, msg: msg, text: text, how: how, op: token.EQL, not: negated[n]})
					}
				}
			}
		case *ast.SwitchStmt:
			msg := ck.messageField(n.Tag)
			if msg == nil {
				return
			}
			for _, s := range n.Body.List {
				for _, v := range s.(*ast.CaseClause).List {
					if text, ok := stringConst(info, v); ok {
						out = append(out, comparison{at: v, msg: msg, text: text, how: equal, op: token.EQL})
					}
				}
			}
		}
	})
	return out
}

// stringsMatching says how the strings package's tests look for a text.
var stringsMatching = map[string]matching{
	"Contains":  contains,
	"HasPrefix": prefix,
	"HasSuffix": suffix,
	"EqualFold": equal,
}

// messageField returns e as a selector of the envelope's message field:
// a field named message (by its JSON name, or its name) of a struct that
// has a field tagged json:"code", or nil.
func (ck *checker) messageField(e ast.Expr) *ast.SelectorExpr {
	if e == nil {
		return nil
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	info := ck.pass.TypesInfo
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	recv := s.Recv()
	if !cosapi.IsMessageField(recv, s.Obj()) || !cosapi.HasCodeField(recv) {
		return nil
	}
	return sel
}

func stringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
