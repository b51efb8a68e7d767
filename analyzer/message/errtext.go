package message

import (
	"go/ast"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

// A client whose envelope is its error type (type Reply struct{ Code int;
// Message string }, with an Error method that prints the message) is also
// tested through the error's text: strings.Contains(err.Error(),
// "查无此文件"). Such a call counts as the message when the package
// declares an envelope that implements error; the code is then not at
// hand (the error is an interface), so there is no fix.

// envelopeIsError reports whether pkg declares a type with a code and a
// message field that implements error (itself or its pointer).
func envelopeIsError(pkg *types.Package) bool {
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !cosapi.HasCodeField(tn.Type()) || !hasMessageField(tn.Type()) {
			continue
		}
		if types.Implements(tn.Type(), errType) || types.Implements(types.NewPointer(tn.Type()), errType) {
			return true
		}
	}
	return false
}

func hasMessageField(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if cosapi.IsMessageField(t, st.Field(i)) {
			return true
		}
	}
	return false
}

// errorText returns e as the selector of x.Error() when e is that call on
// an error, in a package whose envelope is its error type; nil otherwise.
func (ck *checker) errorText(e ast.Expr) *ast.SelectorExpr {
	if !ck.envelopeErrors {
		return nil
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Error" {
		return nil
	}
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	if t := ck.pass.TypesInfo.TypeOf(sel.X); t == nil || !types.Implements(t, errType) {
		return nil
	}
	return sel
}
