package message

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/internal/catalogfix"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// check reports one comparison, with the fix that compares the code
// instead when there is one.
func (ck *checker) check(c comparison) {
	codes := matches(c.text, c.how)
	if len(codes) == 0 {
		return
	}
	diag := analysis.Diagnostic{Pos: c.at.Pos(), End: c.at.End(), Category: Category}
	if len(codes) > 1 {
		var names []string
		for i, code := range codes {
			if i == 3 {
				names = append(names, fmt.Sprintf("%d more", len(codes)-3))
				break
			}
			names = append(names, cosapi.DescribeEntry(code))
		}
		diag.Message = fmt.Sprintf("message compared instead of code: %q is in the messages of %s; compare the code with the one you mean, messages change and codes do not", c.text, join(names))
		ck.report(diag)
		return
	}
	code := codes[0]
	diag.Message = fmt.Sprintf("message compared instead of code: %q is the message of %s; compare the code, messages change and codes do not", c.text, cosapi.DescribeEntry(code))
	field, reachable := cosapi.CodeField(ck.pass.TypesInfo.TypeOf(c.msg.X))
	file := ck.ev.File(c.at.Pos())
	switch {
	case field == nil || !reachable || !exprinfo.IsInteger(field.Type()) || file == nil:
		ck.report(diag) // no integer code beside the message: nothing to compare instead
	case c.how == equal && !sameMessage(c.text, code.Message):
		ck.report(diag) // equal to no message: the test never holds, and its fix would
	case isCaseValue(c):
		ck.report(diag) // the switch is on the message: no one-place fix
	case ck.fixes.CatalogLacks(code):
		diag.Message += "; " + catalogfix.LacksMessage(code)
		ck.report(diag)
	default:
		lhs := types.ExprString(c.msg.X) + "." + field.Name()
		pos, op := c.at.Pos(), c.op
		if c.not != nil { // !strings.Contains(resp.Message, "..."): resp.Code != ...
			pos, op = c.not.Pos(), token.NEQ
		}
		ck.fixes.Want(catalogfix.Wanted{
			Diag: diag, File: file, Pos: pos, End: c.at.End(), Code: code,
			Text:    func(constant string) string { return lhs + " " + op.String() + " " + constant },
			Message: fmt.Sprintf("Compare %s with %s", lhs, code.Qualified()),
			Also:    ck.dropStrings(file, c),
		})
	}
}

// isCaseValue reports whether the comparison is a case value of a switch
// on the message.
func isCaseValue(c comparison) bool {
	switch c.at.(type) {
	case *ast.BinaryExpr, *ast.CallExpr:
		return false
	}
	return true
}

func join(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// dropStrings returns the edit that drops the file's import of strings
// when the fix takes its only use away.
func (ck *checker) dropStrings(file *ast.File, c comparison) []analysis.TextEdit {
	call, ok := c.at.(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	return ck.fixes.DropImport(file, id)
}
