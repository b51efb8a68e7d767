package upload

import (
	"go/ast"
	"go/types"
	"iter"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// summarize computes the summaries of the package's functions, callees
// first, so that each function's calls are classified with what its
// callees do. A cycle of calls contributes what is known when it closes.
func (pr *protocol) summarize(f *Func) {
	if f.state != 0 {
		return
	}
	f.state = 1
	for _, c := range pr.localCallees(f) {
		pr.summarize(c)
	}
	pr.scan(f)
	f.state = 2
}

// localCallees returns the functions of the package f calls: declared
// ones and literals bound to variables.
func (pr *protocol) localCallees(f *Func) []*Func {
	var out []*Func
	inspectBody(f.Body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		if fn := typeutil.StaticCallee(pr.pass.TypesInfo, call); fn != nil {
			if g := pr.byObj[fn.Origin()]; g != nil {
				out = append(out, g)
			}
		} else if g := pr.litCallee(call); g != nil {
			out = append(out, g)
		} else if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok && pr.byLit[lit] != nil {
			out = append(out, pr.byLit[lit])
		}
	})
	return out
}

// inspectBody calls visit for every node of a body but those of the
// function literals in it, which are functions of their own.
func inspectBody(body *ast.BlockStmt, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}

// litCallee returns the literal a call of a func-typed local variable
// calls, when the variable is bound to one literal only.
func (pr *protocol) litCallee(call *ast.CallExpr) *Func {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := pr.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	return pr.litVars[v]
}

// scan reads one function: its local data flow, its calls, and its
// summary.
func (pr *protocol) scan(f *Func) {
	info := pr.pass.TypesInfo
	g := newValueGraph()
	f.values = g
	f.calls = make(map[*ast.CallExpr]*call)

	answers := make(map[*call][]types.Object) // what each call's results are assigned to
	assign := func(lhs ast.Expr, rhs ast.Expr) {
		loc := location(info, lhs)
		if loc == nil || rhs == nil {
			return
		}
		if c, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
			cl := pr.classify(f, c)
			answers[cl] = append(answers[cl], loc)
			if cl.transmits {
				return // what a send answered: no part of a request
			}
			if cl.builder {
				pr.aliasFlows(g, loc, c)
			}
		}
		for _, obj := range reads(info, rhs) {
			g.flow(obj, loc)
			if !isMake(info, rhs) {
				g.derive(obj, loc)
			}
		}
		g.seed(loc, constRequest(info, rhs).union(literalFields(info, rhs)))
	}
	inspectBody(f.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for lhs, rhs := range assignments(n.Lhs, n.Rhs) {
				assign(lhs, rhs)
			}
		case *ast.ValueSpec:
			for lhs, rhs := range assignments(names(n), n.Values) {
				assign(lhs, rhs)
			}
		case *ast.RangeStmt:
			for _, lhs := range []ast.Expr{n.Key, n.Value} {
				if lhs != nil {
					assign(lhs, n.X)
				}
			}
		case *ast.CallExpr:
			if c := pr.classify(f, n); c.builder {
				pr.builderFlows(g, n)
			}
		}
		f.sessionRoots = append(f.sessionRoots, pr.sessionSlots(n)...)
	})
	g.propagate()

	// The requests the calls send, and what they answer into.
	for _, c := range f.calls {
		c.answers = answers[c]
		for _, a := range c.sensitive {
			for _, obj := range reads(info, a) {
				c.request = c.request.union(g.req[obj])
			}
			c.request = c.request.union(constRequest(info, a)).union(literalFields(info, a))
		}
		if c.fn == nil && c.lit == nil && c.sum == nil && !c.builder || c.unknownStatic() {
			// A call this analysis cannot see into sends what it is given.
			c.transmits = c.request.opsSent() != 0 || c.request.v1
		}
		if c.transmits {
			for _, loc := range answers[c] {
				if !exprinfo.IsError(loc.Type()) {
					g.reply[loc] = true
				}
			}
			for _, a := range c.expr.Args {
				if x, ok := isAddrOf(a); ok {
					if loc := location(info, x); loc != nil && g.req[loc] == (request{}) {
						g.reply[loc] = true // decoded into
					}
				}
			}
		}
	}
	pr.decodedReplies(f)
	pr.finishSummary(f)
}

// unknownStatic reports whether a static callee is one nothing is known
// of: a function of another module without a fact of this analyzer.
func (c *call) unknownStatic() bool {
	return c.fn != nil && c.sum == nil && !c.builder && !isStd(c.fn.Pkg())
}

// decodedReplies marks what a reply is decoded into: json.Unmarshal(raw,
// &resp), json.NewDecoder(rsp.Body).Decode(&q), io.ReadAll(rsp.Body).
func (pr *protocol) decodedReplies(f *Func) {
	info := pr.pass.TypesInfo
	g := f.values
	for changed, round := true, 0; changed && round < 4; round++ {
		changed = false
		for _, c := range f.calls {
			if !c.builder {
				continue
			}
			fromReply := false
			for _, obj := range reads(info, c.expr) {
				fromReply = fromReply || g.reply[obj]
			}
			if !fromReply {
				continue
			}
			for _, a := range c.expr.Args {
				if x, ok := isAddrOf(a); ok {
					if loc := location(info, x); loc != nil && !g.reply[loc] {
						g.reply[loc], changed = true, true
					}
				}
			}
		}
		inspectBody(f.Body, func(n ast.Node) {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 {
				return
			}
			c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || f.calls[c] == nil || !f.calls[c].builder {
				return
			}
			fromReply := false
			for _, obj := range reads(info, c) {
				fromReply = fromReply || g.reply[obj]
			}
			if !fromReply {
				return
			}
			for _, lhs := range as.Lhs {
				if loc := location(info, lhs); loc != nil && !g.reply[loc] && !exprinfo.IsError(info.TypeOf(lhs)) {
					g.reply[loc], changed = true, true
				}
			}
		})
	}
}

// builderFlows records what a builder call writes into: the receiver of a
// method (w.WriteField("session", s) builds w from s), and the arguments
// passed by address or as references (fmt.Fprintf(&b, ...),
// json.Unmarshal(raw, &resp)).
func (pr *protocol) builderFlows(g *valueGraph, call *ast.CallExpr) {
	info := pr.pass.TypesInfo
	var targets []types.Object
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if _, isMethod := info.Selections[sel]; isMethod {
			if id := exprinfo.RootIdent(sel.X); id != nil {
				targets = append(targets, info.ObjectOf(id))
			}
		}
	}
	args := operands(info, call)
	written := writable(info, args)
	targets = append(targets, written...)
	for _, a := range args {
		for _, obj := range reads(info, a) {
			for _, t := range written {
				g.derive(obj, t)
			}
		}
	}
	r := constRequest(info, call).union(literalFields(info, call))
	for _, t := range targets {
		for _, obj := range reads(info, call) {
			g.flow(obj, t)
		}
		for _, u := range targets {
			g.flow(u, t) // a writer and the buffer it writes are one value
		}
		g.seed(t, r)
	}
}

// isMake reports whether e calls the builtin make or new: what it makes
// is sized by its arguments and holds none of their values.
func isMake(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && (b.Name() == "make" || b.Name() == "new")
}

// aliasFlows records that what a builder returns refers to the storage
// it was given (w := multipart.NewWriter(&body)): what is written to the
// one is in the other.
func (pr *protocol) aliasFlows(g *valueGraph, loc types.Object, call *ast.CallExpr) {
	info := pr.pass.TypesInfo
	if !isReference(loc.Type()) || exprinfo.IsError(loc.Type()) {
		return // an error refers to no storage it was given
	}
	for _, x := range writable(info, call.Args) {
		g.flow(loc, x)
	}
}

// operands returns the arguments of a call a builder may write into: all
// of them but the operands of a printf-style ...any, which are read
// (fmt.Println(resp, err) builds nothing out of resp); those passed by
// address stay (fmt.Sscan(s, &n)).
func operands(info *types.Info, call *ast.CallExpr) []ast.Expr {
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	if !ok || !sig.Variadic() || call.Ellipsis.IsValid() {
		return call.Args
	}
	last := sig.Params().Len() - 1
	if s, ok := sig.Params().At(last).Type().(*types.Slice); !ok || !types.IsInterface(s.Elem()) {
		return call.Args
	}
	out := call.Args[:min(last, len(call.Args)):min(last, len(call.Args))]
	for _, a := range call.Args[min(last, len(call.Args)):] {
		if _, byAddr := isAddrOf(a); byAddr {
			out = append(out, a)
		}
	}
	return out
}

// writable returns the objects behind the arguments a callee can write
// into: those passed by address (&resp) or as references (a map, a
// pointer, a buffer).
func writable(info *types.Info, args []ast.Expr) []types.Object {
	var out []types.Object
	for _, a := range args {
		x, byAddr := isAddrOf(a)
		if !byAddr {
			if !isReference(info.TypeOf(a)) {
				continue
			}
			x = a
		}
		if loc := location(info, x); loc != nil {
			out = append(out, loc)
		}
	}
	return out
}

// isReference reports whether values of t refer to storage a callee can
// write into: pointers, maps, slices, interfaces.
func isReference(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Interface:
		return true
	}
	return false
}

// literalFields returns the form fields the struct literals of an
// expression set (sliceForm{Op: ..., Session: sid}).
func literalFields(info *types.Info, e ast.Expr) request {
	var r request
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CompositeLit:
			if structOf(info.TypeOf(n)) != nil {
				r = r.union(structFields(info, n))
			}
		}
		return true
	})
	return r
}

// classify says what a call does, from what is known of its callee.
func (pr *protocol) classify(f *Func, c *ast.CallExpr) *call {
	if cl := f.calls[c]; cl != nil {
		return cl
	}
	info := pr.pass.TypesInfo
	cl := &call{expr: c}
	f.calls[c] = cl
	if tv, ok := info.Types[c.Fun]; ok && tv.IsType() {
		cl.builder = true // a conversion
		return cl
	}
	if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
		if _, ok := info.Uses[id].(*types.Builtin); ok {
			cl.builder = true
			return cl
		}
	}
	fn := typeutil.StaticCallee(info, c)
	switch {
	case fn != nil:
		fn = fn.Origin()
		cl.fn = fn
		if g := pr.byObj[fn]; g != nil {
			cl.sum = g.summary()
		} else if fact := pr.funcFact(fn); fact != nil {
			cl.sum = &summary{ops: fact.Ops, transmits: fact.Transmits, reqParams: fact.ReqParams, sessionParams: fact.SessionParams, codeErrors: fact.CodeErrors}
		}
	default:
		if g := pr.litCallee(c); g != nil {
			cl.lit = g
			cl.sum = g.summary()
		} else if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok && pr.byLit[lit] != nil {
			cl.lit = pr.byLit[lit] // func() { ... }(): go func() { send }()
			cl.sum = cl.lit.summary()
		}
	}
	switch {
	case cl.sum != nil && cl.sum.local != nil && cl.sum.local.state == 1:
		// A call back into a function being read (recursion): what it
		// does is decided once its summary is known (markSends).
		cl.sensitive = c.Args
	case cl.sum != nil:
		cl.transmits = cl.sum.transmits
		cl.builder = !cl.sum.transmits && !cl.sum.stateful && !cl.sum.ops.Restarts()
		cl.sensitive = sensitiveArgs(c, cl.sum.reqParams)
	case fn != nil && isNetworkCall(fn):
		cl.transmits = true
		cl.sensitive = c.Args
	case fn != nil && isStd(fn.Pkg()):
		cl.builder = isStdBuilder(fn)
	case fn == nil && isStdInterfaceBuilder(info, c):
		cl.builder = true // r.ReadAt(buf, off) of an io.ReaderAt
	default:
		// A function of another module with no fact of this analyzer's,
		// or a dynamic call: it sends what it is given, if it is given a
		// request (decided once the requests are known).
		cl.sensitive = c.Args
	}
	return cl
}

// sensitiveArgs returns the arguments at the positions of reqParams; all
// of them when the callee does not show what its request is built from (a
// stub, a helper that hands its parameters on opaquely).
func sensitiveArgs(c *ast.CallExpr, reqParams uint64) []ast.Expr {
	if reqParams == 0 {
		return c.Args
	}
	var out []ast.Expr
	for i, a := range c.Args {
		if i < 64 && reqParams&(1<<i) != 0 || i >= 63 && reqParams&(1<<63) != 0 {
			out = append(out, a)
		}
	}
	return out
}

// finishSummary computes what calling f does.
func (pr *protocol) finishSummary(f *Func) {
	info := pr.pass.TypesInfo
	g := f.values
	// The operations: what the body names, what it sends, what its
	// callees send.
	f.ops |= constRequest(info, f.Body).ops.Upload()
	var sent []types.Object
	for _, c := range f.calls {
		if c.sum != nil {
			f.ops |= c.sum.ops &^ cosapi.OpOther
		}
		if !c.transmits {
			continue
		}
		f.transmits = true
		f.ops |= c.request.opsSent().Upload()
		for _, a := range c.sensitive {
			sent = append(sent, reads(info, a)...)
		}
	}
	if f.Sig != nil {
		for i := range f.Sig.Results().Len() {
			if cosapi.HasCodeField(f.Sig.Results().At(i).Type()) {
				f.transmits = true // it answers with the API's envelope
			}
		}
	}
	f.transmits = f.transmits || f.codeErrors
	sources := g.sources(sent)
	sessions := g.sources(pr.sessionObjects(f))
	for i, p := range f.params() {
		if sources[p] && i < 64 {
			f.reqParams |= 1 << i
		}
		if sessions[p] && i < 64 {
			f.sessionParams |= 1 << i
		}
	}
	if f.Lit != nil {
		for obj := range sources {
			if v, ok := obj.(*types.Var); ok && !v.IsField() && (v.Pos() < f.Lit.Pos() || v.Pos() > f.Lit.End()) && v.Parent() != nil && v.Parent() != types.Universe {
				f.reqFree = append(f.reqFree, v)
			}
		}
	}
	// Stateful: it writes a field of a struct its receiver or a
	// parameter points to (a cursor, a state): a call of it is no
	// rebuild. Writing a map's keys builds it.
	var own []*types.Var
	if f.Sig != nil && f.Sig.Recv() != nil {
		own = append(own, f.Sig.Recv())
	}
	own = append(own, f.params()...)
	inspectBody(f.Body, func(n ast.Node) {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		default:
			return
		}
		for _, l := range lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
				continue
			}
			if id := exprinfo.RootIdent(sel.X); id != nil {
				for _, p := range own {
					if _, isPtr := p.Type().Underlying().(*types.Pointer); isPtr && info.Uses[id] == p {
						f.stateful = true
					}
				}
			}
		}
	})
}

// funcFact returns the fact of another package's function, or nil.
func (pr *protocol) funcFact(fn *types.Func) *funcFact {
	if fn == nil || fn.Pkg() == pr.pass.Pkg {
		return nil
	}
	var fact funcFact
	if pr.pass.ImportObjectFact(fn, &fact) {
		return &fact
	}
	return nil
}

// sessionSlots returns the objects a node puts in a request's session
// field: the value of a "session" key of a map literal, of a struct field
// whose form key is session, of Set("session", v) or WriteField("session",
// v), of m["session"] = v; and the variable a reply's session is read into
// (session := init.Data.Session).
func (pr *protocol) sessionSlots(n ast.Node) []types.Object {
	info := pr.pass.TypesInfo
	isSessionKey := func(e ast.Expr) bool {
		s, ok := isStringConst(info, e)
		return ok && s == "session"
	}
	switch n := n.(type) {
	case *ast.CompositeLit:
		st := structOf(info.TypeOf(n))
		var out []types.Object
		for _, elt := range n.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if isSessionKey(kv.Key) {
				out = append(out, reads(info, kv.Value)...)
			} else if id, ok := kv.Key.(*ast.Ident); ok && st != nil {
				if fv, ok := info.Uses[id].(*types.Var); ok && fv.IsField() && formKey(st, fv) == "session" {
					out = append(out, reads(info, kv.Value)...)
				}
			}
		}
		return out
	case *ast.CallExpr:
		if len(n.Args) >= 2 && isSessionKey(n.Args[0]) {
			return reads(info, n.Args[1])
		}
	case *ast.AssignStmt:
		var out []types.Object
		for i, lhs := range n.Lhs {
			if i >= len(n.Rhs) {
				break
			}
			switch l := ast.Unparen(lhs).(type) {
			case *ast.IndexExpr:
				if isSessionKey(l.Index) {
					out = append(out, reads(info, n.Rhs[i])...)
				}
			case *ast.SelectorExpr:
				if isSessionRead(info, l) {
					out = append(out, reads(info, n.Rhs[i])...)
				}
			}
			if isSessionRead(info, n.Rhs[i]) {
				if loc := location(info, lhs); loc != nil {
					out = append(out, loc)
				}
			}
		}
		return out
	}
	return nil
}

// sessionObjects returns the objects that reach a session field in f:
// its own session slots, and the arguments of its calls at the callees'
// session parameters.
func (pr *protocol) sessionObjects(f *Func) []types.Object {
	info := pr.pass.TypesInfo
	out := append([]types.Object(nil), f.sessionRoots...)
	for _, c := range f.calls {
		if c.sum == nil || c.sum.sessionParams == 0 {
			continue
		}
		for i, a := range c.expr.Args {
			if i < 64 && c.sum.sessionParams&(1<<i) != 0 {
				out = append(out, reads(info, a)...)
			}
		}
	}
	return out
}

// assignments pairs each left-hand side with the expression it is
// assigned: the one at its index, or the one call or comma-ok expression
// of a, b := f(). A left-hand side with no value (var x T) gets nil.
func assignments(lhs, rhs []ast.Expr) iter.Seq2[ast.Expr, ast.Expr] {
	return func(yield func(ast.Expr, ast.Expr) bool) {
		for i, l := range lhs {
			var r ast.Expr
			switch {
			case len(lhs) == len(rhs):
				r = rhs[i]
			case len(rhs) == 1:
				r = rhs[0]
			}
			if !yield(l, r) {
				return
			}
		}
	}
}

// names returns the names a value spec declares, as expressions.
func names(spec *ast.ValueSpec) []ast.Expr {
	out := make([]ast.Expr, len(spec.Names))
	for i, n := range spec.Names {
		out[i] = n
	}
	return out
}
