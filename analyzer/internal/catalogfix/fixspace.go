package catalogfix

import (
	"go/ast"
	"go/token"
)

// separated returns text, which replaces the expression that starts at pos
// in file, with a leading space when a keyword ends right at pos: in code
// gofmt never saw, "case-4019:" or "return-4019" would otherwise become
// "casecatalog.ErrOffsetToZero:" (found by FuzzAnalyzer).
func (s *Fixer) separated(file *ast.File, pos token.Pos, text string) string {
	ends, ok := s.keywordEnds[file]
	if !ok {
		ends = keywordEnds(file)
		if s.keywordEnds == nil {
			s.keywordEnds = make(map[*ast.File]map[token.Pos]bool)
		}
		s.keywordEnds[file] = ends
	}
	if ends[pos] {
		return " " + text
	}
	return text
}

// keywordEnds returns the positions right after the keywords of file that
// an expression can follow: one walk per file, so that a file's fixes cost
// time linear in its size.
func keywordEnds(file *ast.File) map[token.Pos]bool {
	ends := make(map[token.Pos]bool)
	add := func(kw token.Pos, word token.Token) {
		if kw.IsValid() {
			ends[kw+token.Pos(len(word.String()))] = true
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CaseClause:
			add(n.Case, token.CASE)
		case *ast.ReturnStmt:
			add(n.Return, token.RETURN)
		case *ast.IfStmt:
			add(n.If, token.IF)
		case *ast.SwitchStmt:
			add(n.Switch, token.SWITCH)
		case *ast.ForStmt:
			add(n.For, token.FOR)
		case *ast.RangeStmt:
			add(n.Range, token.RANGE)
		case *ast.GoStmt:
			add(n.Go, token.GO)
		case *ast.DeferStmt:
			add(n.Defer, token.DEFER)
		}
		return true
	})
	return ends
}
