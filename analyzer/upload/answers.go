package upload

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

// What a function does with the answers of its requests, for the checks
// that ask whether a failure is seen at all: which local variables hold
// an answer (the call's results, and everything computed from them in the
// function), and which nodes of the graph look at variables: test them in
// a condition, return them, keep them beyond the moment (in a field, a
// global, a channel, an element, an accumulator) or hand them to a
// function of the program. A printf-style logger is handed nothing: a
// line in a log answers no failure.

// An Answer is what one request of a function answered.
type Answer struct {
	// Call is the call that sends the request.
	Call *ast.CallExpr
	// Slice says that the call sends a slice.
	Slice bool
	// Used says that the answer is looked at where it is made, without a
	// variable: return c.put(...), check(c.put(...)), c.put(...) != nil,
	// or kept in a field.
	Used bool
	// Direct are the local variables the call puts the answer in: those
	// its results are assigned to, and the targets it decodes into.
	Direct []types.Object
	// Dropped says that a result that holds the reply's code (a type with
	// a code field) is thrown away: _, err := c.sendSlice(...).
	Dropped bool
	vars    map[types.Object]bool
}

// Vars returns the local variables computed from the answer, in the
// order of their declarations.
func (a *Answer) Vars() []types.Object {
	out := make([]types.Object, 0, len(a.vars))
	for v := range a.vars {
		out = append(out, v)
	}
	slices.SortFunc(out, func(x, y types.Object) int { return cmp.Compare(x.Pos(), y.Pos()) })
	return out
}

// Holds reports whether obj is a local variable computed from the answer.
func (a *Answer) Holds(obj types.Object) bool { return a.vars[obj] }

// Answers returns the answers of f's requests, in source order.
func (f *Func) Answers() []*Answer { return f.answers }

// Looks returns the local variables node n of f's graph looks at, with
// repetitions.
func (f *Func) Looks(n ast.Node) []types.Object {
	if u := f.looks[n]; u != nil {
		return u.all
	}
	return nil
}

// Keeps returns the local variables node n of f's graph keeps beyond the
// moment or hands on (a field, a channel, a function that may test them),
// with repetitions: what it looks at, other than by a test or a return.
func (f *Func) Keeps(n ast.Node) []types.Object {
	if u := f.looks[n]; u != nil {
		return u.kept
	}
	return nil
}

// Overwrites reports whether node n of f's graph assigns obj a value
// that is not computed from the answer a: after it, obj no longer holds
// a's answer (n, err := file.ReadAt(...) reuses the err of a send).
func (f *Func) Overwrites(n ast.Node, obj types.Object, a *Answer) bool {
	w := f.writes[n]
	if w == nil {
		return false
	}
	for _, from := range w.from {
		if a.Holds(from) {
			return false
		}
	}
	for _, v := range w.vars {
		if v == obj {
			return true
		}
	}
	return false
}

// A nodeUse is what one node looks at, by how it looks.
type nodeUse struct {
	all  []types.Object
	kept []types.Object // kept beyond the moment or handed on: not tested, not returned
}

// A nodeWrite is what one node assigns: local variables, from the local
// variables its right-hand sides read; and the variables a builder
// writes into (json.Unmarshal(raw, resp)), from what its arguments read.
type nodeWrite struct {
	vars, from []types.Object
	into       []types.Object
	intoFrom   []types.Object
}

// Assigns returns the local variables node n of f's graph assigns, and
// the variables their new values are computed from.
func (f *Func) Assigns(n ast.Node) (vars, from []types.Object) {
	if w := f.writes[n]; w != nil {
		return w.vars, w.from
	}
	return nil, nil
}

// WritesInto returns the local variables a call of node n writes into
// (the target of json.Unmarshal), and what the call reads.
func (f *Func) WritesInto(n ast.Node) (vars, from []types.Object) {
	if w := f.writes[n]; w != nil {
		return w.into, w.intoFrom
	}
	return nil, nil
}

// writesOf returns what node n assigns, or nil.
func (f *Func) writesOf(info *types.Info, n ast.Node) *nodeWrite {
	var w nodeWrite
	add := func(lhs []ast.Expr, rhs []ast.Expr) {
		for _, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok {
				if obj := info.ObjectOf(id); obj != nil && f.isLocal(obj) {
					w.vars = append(w.vars, obj)
				}
			}
		}
		for _, r := range rhs {
			w.from = append(w.from, reads(info, r)...)
		}
	}
	inspectCalls(n, func(call *ast.CallExpr) {
		if c := f.calls[call]; c == nil || !c.builder {
			return
		}
		for _, t := range writable(info, operands(info, call)) {
			if f.isLocal(t) {
				w.into = append(w.into, t)
			}
		}
		if len(w.into) > 0 {
			for _, a := range call.Args {
				w.intoFrom = append(w.intoFrom, reads(info, a)...)
			}
		}
	})
	switch n := n.(type) {
	case *ast.AssignStmt:
		add(n.Lhs, n.Rhs)
	case *ast.DeclStmt:
		if gd, ok := n.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					add(names(vs), vs.Values)
				}
			}
		}
	}
	if len(w.vars) == 0 && len(w.into) == 0 {
		return nil
	}
	return &w
}

// isLocal reports whether obj is a variable of f's own: declared in its
// body, or one of its parameters or results. A variable of an enclosing
// function is not: a literal that writes one keeps a value beyond itself.
func (f *Func) isLocal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	if v.Pos() >= f.Body.Pos() && v.Pos() < f.Body.End() {
		return true
	}
	if f.Sig != nil {
		for _, t := range []*types.Tuple{f.Sig.Params(), f.Sig.Results()} {
			for i := range t.Len() {
				if t.At(i) == v {
					return true
				}
			}
		}
	}
	return false
}

// readAnswers computes f's answers, and what each node of its graph looks
// at; tests holds the nodes that are conditions (or switch tags).
func (pr *protocol) readAnswers(f *Func, tests map[ast.Node]bool) {
	f.answers = pr.answersOf(f)
	info := pr.pass.TypesInfo
	f.looks = make(map[ast.Node]*nodeUse)
	f.writes = make(map[ast.Node]*nodeWrite)
	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			if w := f.writesOf(info, n); w != nil {
				f.writes[n] = w
			}
			u := &nodeUse{}
			look := func(e ast.Expr, kept bool) {
				for _, obj := range reads(info, e) {
					if f.isLocal(obj) {
						u.all = append(u.all, obj)
						if kept {
							u.kept = append(u.kept, obj)
						}
					}
				}
			}
			switch n := n.(type) {
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					look(r, false)
				}
			case *ast.SendStmt:
				look(n.Value, true)
			case *ast.AssignStmt:
				if tests[n] { // switch e := err.(type)
					for _, r := range n.Rhs {
						look(r, false)
					}
				}
				for lhs, rhs := range assignments(n.Lhs, n.Rhs) {
					loc := location(info, lhs)
					if rhs != nil && loc != nil && (!f.isLocal(loc) || !isIdent(lhs) || readsObj(info, rhs, loc)) {
						look(rhs, true) // kept: in a field, an element, an accumulator (errs = append(errs, err))
					}
				}
			case *ast.ExprStmt:
				if tests[n] { // switch err.(type)
					look(n.X, false)
				}
			case ast.Expr:
				if tests[n] {
					look(n, false)
				}
			}
			inspectCalls(n, func(call *ast.CallExpr) {
				if c := f.calls[call]; c != nil && c.transmits || !pr.handsOn(call) {
					return // a request is built from what it is given (the session): it tests nothing
				}
				for _, a := range call.Args {
					look(a, true)
				}
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					if _, isMethod := info.Selections[sel]; isMethod {
						look(sel.X, true)
					}
				}
			})
			if len(u.all) > 0 {
				f.looks[n] = u
			}
		}
	}
}

// answersOf returns the answers of f's requests: for each call that sends
// one, the local variables its results are assigned to and everything
// computed from them.
func (pr *protocol) answersOf(f *Func) []*Answer {
	forward := f.values.derived
	var out []*Answer
	var parents []ast.Node
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if n == nil {
			parents = parents[:len(parents)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if c := f.calls[call]; c != nil && c.transmits {
				a := &Answer{Call: call, Slice: c.sliceSend, vars: make(map[types.Object]bool)}
				for _, loc := range pr.decodeTargets(call) {
					f.follow(loc, forward, a.vars)
					a.Direct = append(a.Direct, loc)
				}
				switch parent := outerParent(parents).(type) {
				case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
					if t, ok := pr.pass.TypesInfo.TypeOf(call).(*types.Tuple); ok && t.Len() == 0 {
						a.Used = true // no results: the callee answers its failures itself
					}
					a.Dropped = pr.dropsCode(call, nil)
				case *ast.AssignStmt, *ast.ValueSpec:
					if as, ok := parent.(*ast.AssignStmt); ok {
						a.Dropped = pr.dropsCode(call, as.Lhs)
					}
					for _, loc := range c.answers {
						if f.isLocal(loc) {
							f.follow(loc, forward, a.vars)
							a.Direct = append(a.Direct, loc)
						} else {
							a.Used = true // kept in a field or a global
						}
					}
				default:
					a.Used = true
				}
				out = append(out, a)
			}
		}
		parents = append(parents, n)
		return true
	})
	return out
}

// dropsCode reports whether a result of call whose type has a code field
// is thrown away: not assigned (lhs nil), or assigned to _.
func (pr *protocol) dropsCode(call *ast.CallExpr, lhs []ast.Expr) bool {
	var results []types.Type
	switch t := pr.pass.TypesInfo.TypeOf(call).(type) {
	case *types.Tuple:
		for i := range t.Len() {
			results = append(results, t.At(i).Type())
		}
	case nil:
		return false
	default:
		results = []types.Type{t}
	}
	if lhs != nil && len(lhs) != len(results) {
		return false
	}
	for i, t := range results {
		if !cosapi.HasCodeField(t) {
			continue
		}
		if lhs == nil {
			return true
		}
		if id, ok := ast.Unparen(lhs[i]).(*ast.Ident); ok && id.Name == "_" {
			return true
		}
	}
	return false
}

// decodeTargets returns the local variables a request call decodes its
// reply into: those passed by address or as pointers to a parameter of
// interface type (c.post(path, form, &resp), upload(body, part) with
// data any), the way json.Unmarshal is given its target.
func (pr *protocol) decodeTargets(call *ast.CallExpr) []types.Object {
	info := pr.pass.TypesInfo
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return nil
	}
	var out []types.Object
	for i, arg := range call.Args {
		var pt types.Type
		switch {
		case i < sig.Params().Len()-1 || !sig.Variadic() && i < sig.Params().Len():
			pt = sig.Params().At(i).Type()
		case sig.Variadic():
			pt = sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
		}
		if pt == nil || !types.IsInterface(pt) {
			continue
		}
		x, byAddr := isAddrOf(arg)
		if !byAddr {
			if _, isPtr := types.Unalias(info.TypeOf(arg)).(*types.Pointer); !isPtr {
				continue
			}
			x = arg
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if obj := info.ObjectOf(id); obj != nil {
				out = append(out, obj)
			}
		}
	}
	return out
}

// follow adds obj, and the local variables computed from it, to vars.
func (f *Func) follow(obj types.Object, forward map[types.Object][]types.Object, vars map[types.Object]bool) {
	stack := []types.Object{obj}
	for len(stack) > 0 {
		obj := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if vars[obj] || !f.isLocal(obj) {
			continue
		}
		vars[obj] = true
		stack = append(stack, forward[obj]...)
	}
}

// outerParent returns the innermost of parents that is no parenthesis.
func outerParent(parents []ast.Node) ast.Node {
	for i := len(parents) - 1; i >= 0; i-- {
		if _, ok := parents[i].(*ast.ParenExpr); !ok {
			return parents[i]
		}
	}
	return nil
}

// handsOn reports whether a call hands its arguments to something that
// may answer a failure: a function of the program or of another module,
// or one of the standard library's that does more than compute a value
// (http.Error, a sync.Map's Store). Printf-style functions (a final
// ...any parameter) are loggers, and conversions and builtins compute.
func (pr *protocol) handsOn(call *ast.CallExpr) bool {
	info := pr.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	if sig, ok := info.TypeOf(call.Fun).(*types.Signature); ok && sig.Variadic() {
		if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
			if i, ok := s.Elem().Underlying().(*types.Interface); ok && i.Empty() {
				return false
			}
		}
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return false
	case *types.Func:
		if isStd(callee.Pkg()) {
			// Closing a body (defer resp.Body.Close()) hands nothing on.
			return !isStdBuilder(callee) && !isNetworkCall(callee) && callee.Name() != "Close"
		}
	}
	return true
}

// inspectCalls calls visit for the calls of a node, not for those of the
// function literals in it.
func inspectCalls(n ast.Node, visit func(*ast.CallExpr)) {
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			visit(x)
		}
		return true
	})
}

// readsObj reports whether e reads obj.
func readsObj(info *types.Info, e ast.Expr, obj types.Object) bool {
	for _, r := range reads(info, e) {
		if r == obj {
			return true
		}
	}
	return false
}

func isIdent(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.Ident)
	return ok
}
