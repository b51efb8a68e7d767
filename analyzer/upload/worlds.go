package upload

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// A request fails in one of two ways, and the checks that follow a
// failure read each condition in both: the request was answered, with a
// code (an error that carries no code, such as the transport's, is then
// nil), or it failed on the way (every error it returned is non-nil, and
// the code is not known). Reading `err == nil && resp.Code == 0` in both
// tells that its else edge is taken for every non-zero code when the
// request was answered, and always when it failed on the way, so that a
// later `if err != nil { return err }` and `if resp.Code != 0 { return
// ... }` between them leave no failure on the path.

// world says how conditions on an error of a request are read.
type world uint8

const (
	// worldNeutral reads an error that carries no code as saying nothing
	// of the code: the reading of the reupload check.
	worldNeutral world = iota
	// worldAnswered reads such an error as nil.
	worldAnswered
)

// A truth is a condition's value in a world: known or not.
type truth uint8

const (
	unknownTruth truth = iota
	isTrue
	isFalse
)

func (t truth) not() truth {
	switch t {
	case isTrue:
		return isFalse
	case isFalse:
		return isTrue
	}
	return unknownTruth
}

// noteAnswerErrors records the error variables assigned what f's requests
// answered, and which of them carry no code.
func (pr *protocol) noteAnswerErrors(f *Func) {
	for _, c := range f.calls {
		if !c.transmits {
			continue
		}
		for _, loc := range c.answers {
			if exprinfo.IsError(loc.Type()) {
				pr.answerErrs[loc] = true
			}
		}
	}
}

// compareAnsweredErr evaluates `err == nil` and `err != nil`, in the world
// where the request was answered, for an error of a request that carries
// no code: it is nil.
func (pr *protocol) compareAnsweredErr(e *ast.BinaryExpr) (condInfo, bool) {
	if pr.world != worldAnswered {
		return condInfo{}, false
	}
	obj, op, ok := pr.nilTest(e)
	if !ok || !pr.answerErrs[obj] || pr.codeErrVars[obj] {
		return condInfo{}, false
	}
	if op == token.EQL {
		return condInfo{may: codeset.All(), must: codeset.All()}, true
	}
	return condInfo{}, true // holds for no code
}

// nilTest reads `x == nil` or `x != nil` (either order) for a variable x.
func (pr *protocol) nilTest(e *ast.BinaryExpr) (types.Object, token.Token, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return nil, 0, false
	}
	info := pr.pass.TypesInfo
	x, y := e.X, e.Y
	if info.Types[x].IsNil() {
		x, y = y, x
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || !info.Types[y].IsNil() {
		return nil, 0, false
	}
	return info.Uses[id], e.Op, true
}

// failedTruth evaluates a condition in the world where the request failed
// on the way: its errors are non-nil, its code is not known.
func (pr *protocol) failedTruth(e ast.Expr) truth {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return pr.failedTruth(e.X).not()
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			x, y := pr.failedTruth(e.X), pr.failedTruth(e.Y)
			switch {
			case x == isFalse || y == isFalse:
				return isFalse
			case x == isTrue && y == isTrue:
				return isTrue
			}
		case token.LOR:
			x, y := pr.failedTruth(e.X), pr.failedTruth(e.Y)
			switch {
			case x == isTrue || y == isTrue:
				return isTrue
			case x == isFalse && y == isFalse:
				return isFalse
			}
		default:
			if obj, op, ok := pr.nilTest(e); ok && pr.answerErrs[obj] {
				if op == token.NEQ {
					return isTrue
				}
				return isFalse
			}
			if (e.Op == token.EQL || e.Op == token.NEQ) && (pr.isCode(e.X) && pr.isAPICode(e.Y) || pr.isCode(e.Y) && pr.isAPICode(e.X)) {
				if e.Op == token.EQL {
					return isFalse
				}
				return isTrue
			}
		}
	case *ast.CallExpr:
		if pr.asCodeError(e) {
			return isFalse // a failure on the way is no error of the API's
		}
	case *ast.Ident:
		obj := pr.pass.TypesInfo.Uses[e]
		if cond, found := pr.boolVars[obj]; found && !pr.readingBool[obj] {
			pr.readingBool[obj] = true
			defer delete(pr.readingBool, obj)
			return pr.failedTruth(cond)
		}
	}
	return unknownTruth
}

// isAPICode reports whether e is a constant that only the API answers: a
// code of the catalog that is no success and not of the SDK family (the
// SDKs' -1..-4 are what a client says of a failure on the way). A
// request that failed on the way has no such code.
func (pr *protocol) isAPICode(e ast.Expr) bool {
	v, ok := pr.intConst(e)
	if !ok || v == 0 {
		return false
	}
	codes := catalog.ByValue(v)
	for _, c := range codes {
		if c.Family == catalog.FamilySDK {
			return false
		}
	}
	return len(codes) > 0
}

// asCodeError reports whether call is errors.As(err, &target) on an
// error of a request, with a target that carries the API's code (a code
// field, or a Code method): true only when the request was answered.
func (pr *protocol) asCodeError(call *ast.CallExpr) bool {
	info := pr.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "As" || len(call.Args) != 2 {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok || !pr.answerErrs[info.Uses[id]] {
		return false
	}
	ptr, ok := types.Unalias(info.TypeOf(call.Args[1])).(*types.Pointer)
	if !ok {
		return false
	}
	target := ptr.Elem()
	if cosapi.HasCodeField(target) {
		return true
	}
	m, _, _ := types.LookupFieldOrMethod(target, true, nil, "Code")
	if m, ok := m.(*types.Func); ok {
		sig := m.Signature()
		return sig.Params().Len() == 0 && sig.Results().Len() == 1 && exprinfo.IsInteger(sig.Results().At(0).Type())
	}
	return false
}

// looksAtAnswer reports whether a condition looks at what a request
// answered: its code, or one of its errors.
func (pr *protocol) looksAtAnswer(c condInfo, e ast.Expr) bool {
	if c.mentions {
		return true
	}
	for _, obj := range reads(pr.pass.TypesInfo, e) {
		if pr.answerErrs[obj] {
			return true
		}
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if cond, found := pr.boolVars[pr.pass.TypesInfo.Uses[id]]; found {
			return pr.looksAtAnswer(condInfo{}, cond)
		}
	}
	return false
}
