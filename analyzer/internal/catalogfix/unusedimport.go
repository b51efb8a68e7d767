package catalogfix

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// DropImport returns the edit that deletes file's import of the package
// that use names, when use is the file's only reference to it: a fix that
// rewrites that reference away (strings.Contains(...) into a comparison
// of codes) would otherwise leave an unused import, which does not
// compile. The standalone driver also drops imports that all the fixes
// applied together leave unused; a fix applied alone (an editor's quick
// fix) must not need that.
func (s *Fixer) DropImport(file *ast.File, use *ast.Ident) []analysis.TextEdit {
	info := s.pass.TypesInfo
	pkgName, ok := info.Uses[use].(*types.PkgName)
	if !ok {
		return nil
	}
	uses := 0
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == pkgName {
			uses++
		}
		return uses < 2
	})
	if uses != 1 {
		return nil
	}
	for _, d := range file.Decls {
		gen, ok := d.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gen.Specs {
			imp := spec.(*ast.ImportSpec)
			if info.Defs[imp.Name] != pkgName && info.Implicits[imp] != pkgName {
				continue
			}
			if len(gen.Specs) == 1 {
				return []analysis.TextEdit{s.lineDeletion(gen.Pos(), gen.End())}
			}
			return []analysis.TextEdit{s.lineDeletion(imp.Pos(), imp.End())}
		}
	}
	return nil
}

// lineDeletion deletes the source from pos to end, and the rest of end's
// line with its newline, so that no blank line stays behind.
func (s *Fixer) lineDeletion(pos, end token.Pos) analysis.TextEdit {
	tf := s.pass.Fset.File(pos)
	line := tf.Line(end)
	if line < tf.LineCount() {
		return analysis.TextEdit{Pos: tf.LineStart(tf.Line(pos)), End: tf.LineStart(line + 1)}
	}
	return analysis.TextEdit{Pos: pos, End: end}
}
