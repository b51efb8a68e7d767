package codeconst

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogfix"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// checker checks one package's constants.
type checker struct {
	pass   *analysis.Pass
	ev     *evidence.Result
	cfg    *Config
	fixes  *catalogfix.Fixer
	report func(analysis.Diagnostic)
	// compared holds the values the package compares codes of the API
	// with: a written 0 or SDK-family value is the API's only if it is
	// one (written.go).
	compared map[int]bool
	// own holds the values of 0 and the SDK family the program itself
	// writes into each declaration (written.go).
	own map[decl]map[int]bool
}

// checkComparisons checks the value compared with every expression that
// holds a response code, but for tests of the program's own values
// (written.go).
func (ck *checker) checkComparisons(cmps []evidence.Comparison) {
	for _, c := range cmps {
		if d := ck.ev.Domain(c.X); d != evidence.NoDomain {
			if !ck.ownTest(c.X, c.Y) {
				ck.checkValue(c.Y, d)
			}
		} else if d := ck.ev.Domain(c.Y); d != evidence.NoDomain {
			if !ck.ownTest(c.Y, c.X) {
				ck.checkValue(c.X, d)
			}
		}
	}
}

// checkAssignedValues checks the constants written into declarations that
// hold codes: reply.Code = -1, return -1 from a function returning codes,
// classify(-4019), and the keys or elements of a container searched with a
// code (retryable := map[int]bool{-71: true} ... retryable[resp.Code]).
func (ck *checker) checkAssignedValues(syn *evidence.Syntax) {
	containers := make(map[types.Object]evidence.Domain)
	for _, l := range syn.Lookups {
		d := ck.ev.Domain(l.Value)
		if d == evidence.NoDomain {
			continue
		}
		if lit, ok := ast.Unparen(l.Container).(*ast.CompositeLit); ok {
			ck.checkElements(lit, d) // slices.Contains([]int{-4018, -177}, code)
		} else if obj := exprinfo.Var(ck.pass.TypesInfo, l.Container); obj != nil {
			containers[obj] = d
		}
	}
	for _, f := range syn.Flows {
		if f.From == nil || f.FromResult >= 0 {
			continue
		}
		if d, ok := containers[f.To]; ok {
			if lit, ok := ast.Unparen(f.From).(*ast.CompositeLit); ok {
				ck.checkElements(lit, d)
			}
			continue
		}
		if d := ck.ev.ObjectDomain(f.To, f.Result); d != evidence.NoDomain {
			if v, ok := exprinfo.IntConst(ck.pass.TypesInfo, f.From); ok && ck.clientMade(f.From, v) {
				continue // the program's own code (written.go)
			}
			ck.checkValue(f.From, d)
		}
	}
}

// checkElements checks a map literal's keys, or a slice or array literal's
// elements.
func (ck *checker) checkElements(lit *ast.CompositeLit, d evidence.Domain) {
	_, isMap := evidence.StructOrMap(ck.pass.TypesInfo.TypeOf(lit)).(*types.Map)
	for _, elt := range lit.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		switch {
		case isMap && isKV:
			ck.checkValue(kv.Key, d)
		case isKV: // [...]int{3: -4019}
			ck.checkValue(kv.Value, d)
		default:
			ck.checkValue(elt, d)
		}
	}
}

// checkValue reports a constant compared with a code of domain d: a
// literal that is a known code (magic-code), or any constant that is not
// (unknown-code).
func (ck *checker) checkValue(e ast.Expr, d evidence.Domain) {
	v, ok := exprinfo.IntConst(ck.pass.TypesInfo, e)
	if !ok {
		return // not a constant, or not a number ("ok", "")
	}
	if v == 0 && !(ck.cfg.IncludeZero && d == evidence.CodeDomain) {
		return // success is self-explanatory; -include-zero asks otherwise
	}
	known := d.Known(v)
	literal := isLiteral(ck.pass.TypesInfo, e)
	switch {
	case len(known) == 0 && isOtherHTTPStatus(v):
		// A standard status the list does not mention (a proxy's 502): not this API's.
	case len(known) == 0:
		ck.report(unknownCode(e, v, d, literal))
	case literal:
		ck.magicCode(e, v, known)
	}
}

// magicCode reports a literal that is a known code. The fix that names it
// waits for the other fixes of its file (catalogfix): they agree on the
// import.
func (ck *checker) magicCode(e ast.Expr, v int, known []catalog.Code) {
	known = distinctNames(known)
	diag := analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: CategoryMagic}
	if len(known) > 1 {
		var names []string
		for _, c := range known {
			names = append(names, cosapi.Describe(c))
		}
		diag.Message = fmt.Sprintf("%d is ambiguous in the COS v4 code list: %s; name the one you mean", v, strings.Join(names, " or "))
		ck.report(diag)
		return
	}
	c := known[0]
	diag.Message = fmt.Sprintf("%d is %s", v, cosapi.Describe(c))
	file := ck.ev.File(e.Pos())
	if file == nil || ck.pass.TypesInfo.Types[e].Value.Kind() == constant.String {
		ck.report(diag) // a code spelled as a string has no constant to replace it with
		return
	}
	if ck.fixes.CatalogLacks(c) {
		diag.Message += "; " + catalogfix.LacksMessage(c)
		ck.report(diag)
		return
	}
	ck.fixes.Want(catalogfix.Wanted{
		Diag: diag, File: file, Pos: e.Pos(), End: e.End(), Code: c,
		Text:    func(constant string) string { return constant },
		Message: fmt.Sprintf("Replace %s with %s", types.ExprString(e), c.Qualified()),
	})
}

func unknownCode(e ast.Expr, v int, d evidence.Domain, literal bool) analysis.Diagnostic {
	what := "a COS v4 response code"
	if d == evidence.HTTPDomain {
		what = "an HTTP status of the COS v4 API"
	}
	spelled := fmt.Sprint(v)
	if !literal {
		spelled = fmt.Sprintf("%s (%d)", types.ExprString(e), v)
	}
	msg := fmt.Sprintf("%s is not %s", spelled, what)
	var guesses []string
	for _, c := range catalog.Suggest(v, d.Holds) {
		guesses = append(guesses, fmt.Sprintf("%d (%s)", c.Value, c.Qualified()))
	}
	if len(guesses) > 0 {
		msg += ": did you mean " + strings.Join(guesses, " or ")
	}
	return analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: CategoryUnknown, Message: msg}
}

// distinctNames drops entries spelled like an earlier one (403 is both a
// download and a backend status, both http.StatusForbidden).
func distinctNames(codes []catalog.Code) []catalog.Code {
	var out []catalog.Code
	seen := map[string]bool{}
	for _, c := range codes {
		if !seen[c.GoName] {
			seen[c.GoName] = true
			out = append(out, c)
		}
	}
	return out
}

// isLiteral reports whether e spells its value with digits only: 4019,
// -4019, -(4019), int32(-4019). A named constant is not magic.
func isLiteral(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT || e.Kind == token.STRING
	case *ast.UnaryExpr:
		return (e.Op == token.SUB || e.Op == token.ADD) && isLiteral(info, e.X)
	case *ast.BinaryExpr:
		return isLiteral(info, e.X) && isLiteral(info, e.Y)
	case *ast.CallExpr:
		tv, ok := info.Types[e.Fun]
		return ok && tv.IsType() && len(e.Args) == 1 && isLiteral(info, e.Args[0])
	}
	return false
}
