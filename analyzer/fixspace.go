package analyzer

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"
)

// separated returns text, which replaces the expression at [pos, end) of
// file, with a leading space when a keyword ends right at pos: in code
// gofmt never saw, "case-4019:" or "return-4019" would otherwise become
// "casecatalog.ErrOffsetToZero:" (found by FuzzAnalyzer).
func separated(file *ast.File, pos, end token.Pos, text string) string {
	path, _ := astutil.PathEnclosingInterval(file, pos, end)
	for _, n := range path {
		var kw token.Pos
		var word token.Token
		switch n := n.(type) {
		case *ast.CaseClause:
			kw, word = n.Case, token.CASE
		case *ast.ReturnStmt:
			kw, word = n.Return, token.RETURN
		case *ast.IfStmt:
			kw, word = n.If, token.IF
		case *ast.SwitchStmt:
			kw, word = n.Switch, token.SWITCH
		case *ast.ForStmt:
			kw, word = n.For, token.FOR
		case *ast.RangeStmt:
			kw, word = n.Range, token.RANGE
		case *ast.GoStmt:
			kw, word = n.Go, token.GO
		case *ast.DeferStmt:
			kw, word = n.Defer, token.DEFER
		default:
			continue
		}
		if kw.IsValid() && kw+token.Pos(len(word.String())) == pos {
			return " " + text
		}
	}
	return text
}
