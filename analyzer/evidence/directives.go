package evidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

const (
	directivePrefix = "//errcodelint:"
	ignoreDirective = "ignore" // //errcodelint:ignore <reason>: silence the line and the next
	codeDirective   = "code"   // //errcodelint:code [http]: this declaration holds response codes
)

// parseDirectives reads every //errcodelint: comment of the package and
// returns the lines //errcodelint:ignore silences, per file. It reports
// malformed ones through report (category "directive"), and marks the
// declarations //errcodelint:code annotates in s.
func parseDirectives(pass *analysis.Pass, s *store, report func(analysis.Diagnostic)) map[*token.File]map[int]bool {
	ignored := make(map[*token.File]map[int]bool)
	for _, file := range pass.Files {
		tf := pass.Fset.File(file.Pos())
		var annotated map[*ast.Comment][]*ast.Ident // built on first use
		for _, group := range file.Comments {
			for _, c := range group.List {
				rest, ok := strings.CutPrefix(c.Text, directivePrefix)
				if !ok {
					continue
				}
				verb, arg, _ := strings.Cut(rest, " ")
				arg, _, _ = strings.Cut(arg, "//") // a trailing comment is not an argument
				arg = strings.TrimSpace(arg)
				switch verb {
				case ignoreDirective:
					if arg == "" {
						report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: CategoryDirective,
							Message: "errcodelint:ignore needs a reason: //errcodelint:ignore <why this code is right>"})
						continue
					}
					if ignored[tf] == nil {
						ignored[tf] = make(map[int]bool)
					}
					line := tf.Line(c.Pos())
					ignored[tf][line] = true
					ignored[tf][line+1] = true
				case codeDirective:
					dom, ok := parseDomain(arg)
					if !ok {
						report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: CategoryDirective,
							Message: "errcodelint:code takes no argument or \"http\": //errcodelint:code [http]"})
						continue
					}
					if annotated == nil {
						annotated = annotatedNames(file)
					}
					if !markAnnotated(pass, s, annotated[c], dom) {
						report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: CategoryDirective,
							Message: "errcodelint:code must annotate an integer field, variable, named type or function"})
					}
				default:
					report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: CategoryDirective,
						Message: "unknown directive //errcodelint:" + verb + ": want errcodelint:ignore or errcodelint:code"})
				}
			}
		}
	}
	return ignored
}

// markAnnotated marks the declaration a //errcodelint:code comment
// documents or trails, and reports whether there was one to mark.
func markAnnotated(pass *analysis.Pass, s *store, names []*ast.Ident, dom Domain) bool {
	marked := false
	for _, id := range names {
		switch obj := pass.TypesInfo.Defs[id].(type) {
		case *types.Func:
			results := obj.Signature().Results()
			for i := range results.Len() {
				if exprinfo.IsInteger(results.At(i).Type()) {
					s.mark(obj, dom, i)
					marked = true
					break
				}
			}
		case *types.TypeName:
			if exprinfo.IsInteger(obj.Type()) {
				s.sources[obj] = source{domain: dom}
				marked = true
			}
		case *types.Var:
			if exprinfo.IsInteger(obj.Type()) {
				s.mark(obj, dom, 0)
				marked = true
			}
		}
	}
	return marked
}

// annotatedNames maps each comment that documents or trails a declaration
// (a field, variable, type or function) to the names it declares.
func annotatedNames(file *ast.File) map[*ast.Comment][]*ast.Ident {
	m := make(map[*ast.Comment][]*ast.Ident)
	add := func(names []*ast.Ident, groups ...*ast.CommentGroup) {
		for _, g := range groups {
			if g != nil {
				for _, c := range g.List {
					m[c] = append(m[c], names...)
				}
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			add(n.Names, n.Doc, n.Comment)
		case *ast.ValueSpec:
			add(n.Names, n.Doc, n.Comment)
		case *ast.TypeSpec:
			add([]*ast.Ident{n.Name}, n.Doc, n.Comment)
		case *ast.FuncDecl:
			add([]*ast.Ident{n.Name}, n.Doc)
		case *ast.GenDecl:
			if len(n.Specs) == 1 { // a doc comment above "var x int" belongs to the GenDecl
				switch spec := n.Specs[0].(type) {
				case *ast.ValueSpec:
					add(spec.Names, n.Doc)
				case *ast.TypeSpec:
					add([]*ast.Ident{spec.Name}, n.Doc)
				}
			}
		}
		return true
	})
	return m
}
