package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/catalog"
)

// Diagnostic categories.
const (
	categoryMagic   = "magic-code"
	categoryUnknown = "unknown-code"
)

// checkComparisons checks the value compared with every expression that
// holds a response code.
func (s *state) checkComparisons(cmps []comparison, fileOf func(token.Pos) *ast.File, report func(analysis.Diagnostic)) {
	for _, c := range cmps {
		if d := s.domainOf(c.x); d != noDomain {
			s.checkValue(c.y, d, fileOf, report)
		} else if d := s.domainOf(c.y); d != noDomain {
			s.checkValue(c.x, d, fileOf, report)
		}
	}
}

// checkAssignedValues checks the constants written into declarations that
// hold codes: reply.Code = -1, return -1 from a function returning codes,
// classify(-4019), and the keys or elements of a container searched with a
// code (retryable := map[int]bool{-71: true} ... retryable[resp.Code]).
func (s *state) checkAssignedValues(syn *syntax, fileOf func(token.Pos) *ast.File, report func(analysis.Diagnostic)) {
	containers := make(map[types.Object]domain)
	for _, l := range syn.lookups {
		d := s.domainOf(l.value)
		if d == noDomain {
			continue
		}
		if lit, ok := ast.Unparen(l.container).(*ast.CompositeLit); ok {
			s.checkElements(lit, d, fileOf, report) // slices.Contains([]int{-4018, -177}, code)
		} else if obj := assignee(s.pass.TypesInfo, l.container); obj != nil {
			containers[obj] = d
		}
	}
	for _, f := range syn.flows {
		if f.from == nil || f.fromResult >= 0 {
			continue
		}
		if d, ok := containers[f.to]; ok {
			if lit, ok := ast.Unparen(f.from).(*ast.CompositeLit); ok {
				s.checkElements(lit, d, fileOf, report)
			}
			continue
		}
		if d := s.objDomain(f.to, f.result); d != noDomain {
			s.checkValue(f.from, d, fileOf, report)
		}
	}
}

// checkElements checks a map literal's keys, or a slice or array literal's
// elements.
func (s *state) checkElements(lit *ast.CompositeLit, d domain, fileOf func(token.Pos) *ast.File, report func(analysis.Diagnostic)) {
	_, isMap := typeparamsFree(s.pass.TypesInfo.TypeOf(lit)).(*types.Map)
	for _, elt := range lit.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		switch {
		case isMap && isKV:
			s.checkValue(kv.Key, d, fileOf, report)
		case isKV: // [...]int{3: -4019}
			s.checkValue(kv.Value, d, fileOf, report)
		default:
			s.checkValue(elt, d, fileOf, report)
		}
	}
}

// checkValue reports a constant compared with a code of domain d: a
// literal that is a known code (magic-code), or any constant that is not
// (unknown-code).
func (s *state) checkValue(e ast.Expr, d domain, fileOf func(token.Pos) *ast.File, report func(analysis.Diagnostic)) {
	tv, ok := s.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return
	}
	var v int
	if tv.Value.Kind() == constant.String {
		n, err := strconv.Atoi(constant.StringVal(tv.Value))
		if err != nil {
			return // "ok", "": not a number
		}
		v = n
	} else {
		v64, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact || int64(int(v64)) != v64 {
			return
		}
		v = int(v64)
	}
	if v == 0 && !(s.cfg.IncludeZero && d == codeDomain) {
		return // success is self-explanatory; -include-zero asks otherwise
	}
	known := d.known(v)
	literal := isLiteral(s.pass.TypesInfo, e)
	switch {
	case len(known) == 0 && isOtherHTTPStatus(v):
		// A standard status the list does not mention (a proxy's 502): not this API's.
	case len(known) == 0:
		report(s.unknownCode(e, v, d, literal))
	case literal:
		report(s.magicCode(e, v, known, fileOf(e.Pos())))
	}
}

func (s *state) magicCode(e ast.Expr, v int, known []catalog.Code, file *ast.File) analysis.Diagnostic {
	known = distinctNames(known)
	diag := analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: categoryMagic}
	if len(known) > 1 {
		var names []string
		for _, c := range known {
			names = append(names, describe(c))
		}
		diag.Message = fmt.Sprintf("%d is ambiguous in the COS v4 code list: %s; name the one you mean", v, strings.Join(names, " or "))
		return diag
	}
	c := known[0]
	diag.Message = fmt.Sprintf("%d is %s", v, describe(c))
	if file == nil || s.pass.TypesInfo.Types[e].Value.Kind() == constant.String {
		return diag // a code spelled as a string has no constant to replace it with
	}
	name := "catalog"
	if c.IsNetHTTP() {
		name = "http"
	}
	qual, edits := s.qualifier(file, e.Pos(), c.PackagePath(), name)
	edits = append([]analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(s.separated(file, e.Pos(), qual+c.ConstName()))}}, edits...)
	diag.SuggestedFixes = []analysis.SuggestedFix{{
		Message:   fmt.Sprintf("Replace %s with %s", types.ExprString(e), c.Qualified()),
		TextEdits: edits,
	}}
	return diag
}

func (s *state) unknownCode(e ast.Expr, v int, d domain, literal bool) analysis.Diagnostic {
	what := "a COS v4 response code"
	if d == httpDomain {
		what = "an HTTP status of the COS v4 API"
	}
	spelled := fmt.Sprint(v)
	if !literal {
		spelled = fmt.Sprintf("%s (%d)", types.ExprString(e), v)
	}
	msg := fmt.Sprintf("%s is not %s", spelled, what)
	var guesses []string
	for _, c := range catalog.Suggest(v, d.holds) {
		guesses = append(guesses, fmt.Sprintf("%d (%s)", c.Value, c.Qualified()))
	}
	if len(guesses) > 0 {
		msg += ": did you mean " + strings.Join(guesses, " or ")
	}
	return analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: categoryUnknown, Message: msg}
}

// describe names a code for a message: its constant, message and gloss.
func describe(c catalog.Code) string {
	return fmt.Sprintf("%s (%s: %s)", c.Qualified(), c.Message, c.Gloss)
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
