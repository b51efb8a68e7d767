package upload

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"golang.org/x/tools/go/types/typeutil"
)

// A condInfo is what a condition says about the response code.
type condInfo struct {
	// mentions reports whether the condition looks at a response code at
	// all; sel and at are meaningful only when it does.
	mentions bool
	// sel holds the codes for which the condition holds, with the parts
	// that do not look at a code taken as neutral: for
	// `err != nil || resp.Code != 0`, every non-zero code.
	sel codeset.Set
	// may and must hold the codes for which the condition may hold and
	// must hold, whatever the parts that do not look at a code say.
	may, must codeset.Set
	// explicit lists the codes the condition selects by name: equality
	// operands, case values, and the yes-answers of retry classifiers and
	// sets. Only those in sel are selected.
	explicit []namedCode
	// at is the comparison that looks at the code, for reports about the
	// condition as a whole.
	at ast.Node
	// src is the condition.
	src ast.Expr
	// opaque says that a part of the condition decides on the code in a
	// way the check cannot read (a call of a function that takes the code
	// and answers no reupload code): the condition is no blanket test.
	opaque bool
}

// A namedCode is a code a condition selects, and the expression that
// selects it.
type namedCode struct {
	value int
	expr  ast.Expr
	// via names the retry classifier or set of another package that
	// selects the code; "" when the code is spelled in the condition.
	via string
	// local marks a selection by a retry classifier or set of the current
	// package: that one is reported where it is defined.
	local bool
}

// unknownCond says nothing about codes.
func unknownCond() condInfo { return condInfo{may: codeset.All()} }

// exactCond holds exactly for the codes in s.
func exactCond(s codeset.Set, at ast.Node) condInfo {
	return condInfo{mentions: true, sel: s, may: s, must: s, at: at}
}

func (c condInfo) not() condInfo {
	out := condInfo{
		mentions: c.mentions,
		may:      c.must.Complement(),
		must:     c.may.Complement(),
		explicit: c.explicit, // filtered by sel where used
		at:       c.at,
		src:      c.src,
		opaque:   c.opaque,
	}
	if c.mentions {
		out.sel = c.sel.Complement()
	}
	return out
}

func orCond(a, b condInfo) condInfo {
	out := condInfo{
		opaque:   a.opaque || b.opaque,
		mentions: a.mentions || b.mentions,
		may:      a.may.Union(b.may),
		must:     a.must.Union(b.must),
		explicit: append(a.explicit, b.explicit...), // a is spent: reuse its list
	}
	switch {
	case a.mentions && b.mentions:
		out.sel, out.at = a.sel.Union(b.sel), a.at
	case a.mentions:
		out.sel, out.at = a.sel, a.at
	case b.mentions:
		out.sel, out.at = b.sel, b.at
	}
	return out
}

func andCond(a, b condInfo) condInfo {
	out := condInfo{
		opaque:   a.opaque || b.opaque,
		mentions: a.mentions || b.mentions,
		may:      a.may.Inter(b.may),
		must:     a.must.Inter(b.must),
		explicit: append(a.explicit, b.explicit...), // a is spent: reuse its list
	}
	switch {
	case a.mentions && b.mentions:
		out.sel, out.at = a.sel.Inter(b.sel), a.at
	case a.mentions:
		out.sel, out.at = a.sel, a.at
	case b.mentions:
		out.sel, out.at = b.sel, b.at
	}
	return out
}

// selected returns the explicitly named codes the condition selects within
// the path set p.
func (c condInfo) selected(p codeset.Set) []namedCode {
	var out []namedCode
	for _, n := range c.explicit {
		if c.sel.HasValue(n.value) && p.HasValue(n.value) {
			out = append(out, n)
		}
	}
	return out
}

// intConst returns the integer constant an expression folds to.
func (pr *protocol) intConst(e ast.Expr) (int, bool) { return exprinfo.IntConst(pr.pass.TypesInfo, e) }

// isCode reports whether e holds a response code: what the main analyzer
// says, plus the integer parameters of the retry classifier being read.
func (pr *protocol) isCode(e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok && pr.paramCodes != nil {
		if v, ok := pr.pass.TypesInfo.Uses[id].(*types.Var); ok && pr.paramCodes[v] {
			return true
		}
	}
	return pr.ev.IsCode(e)
}

// cond evaluates a condition.
func (pr *protocol) cond(e ast.Expr) condInfo {
	c := pr.condOf(e)
	c.src = e
	return c
}

func (pr *protocol) condOf(e ast.Expr) condInfo {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return orCond(pr.condOf(e.X), pr.condOf(e.Y))
		case token.LAND:
			return andCond(pr.condOf(e.X), pr.condOf(e.Y))
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if c, ok := pr.compareErr(e); ok {
				return c
			}
			if c, ok := pr.compareAnsweredErr(e); ok {
				return c
			}
			return pr.compare(e)
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return pr.condOf(e.X).not()
		}
	case *ast.CallExpr:
		if pr.world == worldAnswered && pr.asCodeError(e) {
			// errors.As(err, &apiErr): where the request was answered,
			// its error carries a code exactly when the code is a failure.
			fail := codeset.Success().Complement()
			return condInfo{mentions: true, sel: fail, may: fail, must: fail, at: e, src: e}
		}
		c := pr.classifierCall(e)
		if !c.mentions && pr.decidesOnCode(e) {
			// isTransient(code), a decision about the code this check
			// cannot read: no blanket retry.
			c.opaque = true
		}
		return c
	case *ast.IndexExpr:
		if obj := pr.objectOf(e.X); obj != nil && pr.isCode(e.Index) {
			return pr.classifierCond(obj, e)
		}
	case *ast.Ident:
		// ok in `if _, ok := retryCodes[code]; ok`
		if lookup, found := pr.okLookups[pr.pass.TypesInfo.Uses[e]]; found {
			return pr.condOf(lookup)
		}
		// ok in `ok := resp.Code == 0; if ok`
		obj := pr.pass.TypesInfo.Uses[e]
		if cond, found := pr.boolVars[obj]; found && !pr.readingBool[obj] {
			pr.readingBool[obj] = true // a = b && x; b = a || y must not go round
			defer delete(pr.readingBool, obj)
			return pr.condOf(cond)
		}
	}
	return unknownCond()
}

// noteOKLookup records the ok of `_, ok := set[code]`, so that a
// condition on ok is one on the lookup.
func (pr *protocol) noteOKLookup(lhs, rhs []ast.Expr) {
	if len(lhs) != 2 || len(rhs) != 1 {
		return
	}
	ix, isIndex := ast.Unparen(rhs[0]).(*ast.IndexExpr)
	id, isIdent := lhs[1].(*ast.Ident)
	if !isIndex || !isIdent || id.Name == "_" {
		return
	}
	if obj := pr.pass.TypesInfo.ObjectOf(id); obj != nil {
		pr.okLookups[obj] = ix
	}
}

// compare evaluates `code OP constant`, in either operand order.
func (pr *protocol) compare(e *ast.BinaryExpr) condInfo {
	op, code, lit := e.Op, e.X, e.Y
	v, ok := pr.intConst(lit)
	if !ok {
		code, lit = e.Y, e.X
		if v, ok = pr.intConst(lit); !ok {
			return unknownCond()
		}
		op = mirror(op)
	}
	if _, isConst := pr.intConst(code); isConst || !pr.isCode(code) {
		return unknownCond()
	}
	var s codeset.Set
	switch op {
	case token.EQL:
		s = codeset.Of(v)
	case token.NEQ:
		s = codeset.All()
		if codeset.Known(v) {
			s = s.Minus(codeset.Of(v))
		}
	default:
		s = codeset.Where(func(x int) bool { return holds(op, x, v) }, true)
	}
	c := exactCond(s, e)
	if op == token.EQL {
		c.explicit = []namedCode{{value: v, expr: lit}}
	}
	return c
}

func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

func holds(op token.Token, x, v int) bool {
	switch op {
	case token.LSS:
		return x < v
	case token.LEQ:
		return x <= v
	case token.GTR:
		return x > v
	case token.GEQ:
		return x >= v
	}
	return false
}

// caseCond evaluates the values of a case clause of `switch code`.
func (pr *protocol) caseCond(values []ast.Expr) condInfo {
	var c condInfo
	c.mentions = true
	for _, e := range values {
		v, ok := pr.intConst(e)
		if !ok {
			return unknownCond()
		}
		c.sel = c.sel.Union(codeset.Of(v))
		c.explicit = append(c.explicit, namedCode{value: v, expr: e})
		if c.at == nil {
			c.at = e
		}
	}
	c.may, c.must = c.sel, c.sel
	return c
}

// classifierCall evaluates a call of a retry classifier (isRetryable(code),
// err.Temporary()) or slices.Contains(retryCodes, code).
func (pr *protocol) classifierCall(call *ast.CallExpr) condInfo {
	if fn := typeutil.StaticCallee(pr.pass.TypesInfo, call); fn != nil {
		if fn.Pkg() != nil && fn.Pkg().Path() == "slices" && fn.Name() == "Contains" && len(call.Args) == 2 {
			if obj := pr.objectOf(call.Args[0]); obj != nil && pr.isCode(call.Args[1]) {
				return pr.classifierCond(obj, call)
			}
			return unknownCond()
		}
		if pr.isSuccessTest(fn, call) {
			return exactCond(codeset.Success(), call)
		}
		return pr.classifierCond(fn, call)
	}
	if obj := pr.objectOf(call.Fun); obj != nil { // a func-typed variable
		return pr.classifierCond(obj, call)
	}
	return unknownCond()
}

// classifierCond evaluates a use of the retry classifier or set obj.
func (pr *protocol) classifierCond(obj types.Object, at ast.Expr) condInfo {
	codes, local := pr.classifierCodes(obj)
	if len(codes) == 0 {
		return unknownCond()
	}
	yes := codeset.Of(codes...)
	// What it answers for the codes outside the reupload class is unknown.
	c := condInfo{mentions: true, sel: yes.Union(codeset.Reupload().Complement()), at: at}
	c.may = c.sel
	for _, v := range codes {
		c.explicit = append(c.explicit, namedCode{value: v, expr: at, via: qualifiedName(pr.pass.Pkg, obj), local: local})
	}
	return c
}

// objectOf returns the variable or function an identifier or selector
// names.
func (pr *protocol) objectOf(e ast.Expr) types.Object { return exprinfo.Object(pr.pass.TypesInfo, e) }

// qualifiedName spells obj as the code of pkg would: "cos.IsRetryable",
// "(*cos.Error).Temporary", "isRetryable".
func qualifiedName(pkg *types.Package, obj types.Object) string {
	if fn, ok := obj.(*types.Func); ok {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			return "(" + types.TypeString(sig.Recv().Type(), types.RelativeTo(pkg)) + ")." + fn.Name()
		}
	}
	if obj.Pkg() == nil || obj.Pkg() == pkg {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// isSuccessTest reports whether a call tests a code for success: a
// function of this package that answers `code == 0` (resp.OK(),
// isSuccess(code)), or a method or function named for success called on
// or with a code (code.OK(), IsSuccess(resp.Code)).
func (pr *protocol) isSuccessTest(fn *types.Func, call *ast.CallExpr) bool {
	if pr.successTests[fn] {
		return true
	}
	ws := words(fn.Name())
	if !hasWord(ws, successWords) || hasWord(ws, negationWords) {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (pr.isCode(sel.X) || cosapi.HasCodeField(pr.pass.TypesInfo.TypeOf(sel.X))) {
		return true
	}
	return len(call.Args) == 1 && pr.isCode(call.Args[0])
}

// findSuccessTests finds this package's functions that answer a bool
// with one return of a success test: func (r *Response) OK() bool {
// return r.Code == 0 }.
func (pr *protocol) findSuccessTests() {
	for _, f := range pr.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || len(fd.Body.List) != 1 {
				continue
			}
			ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
			fn, _ := pr.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || fn == nil || len(ret.Results) != 1 {
				continue
			}
			if b, ok := pr.pass.TypesInfo.TypeOf(ret.Results[0]).(*types.Basic); !ok || b.Kind() != types.Bool && b.Kind() != types.UntypedBool {
				continue
			}
			pr.withParamCodes(fn, func() {
				c := pr.cond(ret.Results[0])
				if c.mentions && !c.sel.Empty() && codeset.Success().Union(codeset.Done()).Contains(c.sel) && c.sel.Intersects(codeset.Success()) {
					pr.successTests[fn] = true
				}
			})
		}
	}
}

// decidesOnCode reports whether a call is given a code, or an error that
// carries one: isTransient(code), shouldRetry(codeOf(err)), code.Temporary().
func (pr *protocol) decidesOnCode(call *ast.CallExpr) bool {
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		args = append([]ast.Expr{sel.X}, args...)
	}
	for _, a := range args {
		if pr.isCode(a) {
			return true
		}
		found := false
		ast.Inspect(a, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && pr.codeErrVars[pr.pass.TypesInfo.Uses[id]] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// clauseCond is the condition under which a switch's case clause runs:
// its values against a tag that holds a code, the disjunction of its
// expressions in a tagless switch, anything otherwise.
func (pr *protocol) clauseCond(s *ast.SwitchStmt, tagIsCode bool, cc *ast.CaseClause) condInfo {
	switch {
	case tagIsCode:
		return pr.caseCond(cc.List)
	case s.Tag == nil:
		c := pr.cond(cc.List[0])
		for _, e := range cc.List[1:] {
			c = orCond(c, pr.cond(e))
		}
		return c
	}
	return unknownCond()
}
