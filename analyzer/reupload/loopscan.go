package reupload

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"golang.org/x/tools/go/types/typeutil"
)

// stringOps returns the operations a string literal or a named string
// constant names.
func (ck *checker) stringOps(e ast.Expr) cosapi.OpSet {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return 0
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return 0
		}
		return cosapi.OpsIn(s)
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return 0
	}
	c, ok := ck.pass.TypesInfo.Uses[id].(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return 0
	}
	return cosapi.OpsIn(constant.StringVal(c.Val()))
}

// findOps computes, for every function of the package, the operations of
// the sliced upload it sends, itself or through its callees (in this
// package, or in others through their facts), and exports them as facts.
func (ck *checker) findOps() {
	type node struct {
		direct  cosapi.OpSet
		callees []*types.Func
		state   uint8 // 0 new, 1 on the stack, 2 done
	}
	nodes := make(map[*types.Func]*node)
	var order []*types.Func
	for _, f := range ck.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := ck.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			nd := &node{}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
					nd.direct |= ck.stringOps(n.(ast.Expr))
					_, isSel := n.(*ast.SelectorExpr)
					return isSel
				case *ast.CallExpr:
					if callee := typeutil.StaticCallee(ck.pass.TypesInfo, n); callee != nil {
						if callee.Pkg() == ck.pass.Pkg {
							nd.callees = append(nd.callees, callee)
						} else {
							nd.direct |= ck.opsOf(callee)
						}
					}
				}
				return true
			})
			nodes[fn] = nd
			order = append(order, fn)
		}
	}
	// Depth-first over the call graph; a cycle contributes what is known
	// when it closes, which is enough for the evidence this is.
	var visit func(fn *types.Func) cosapi.OpSet
	visit = func(fn *types.Func) cosapi.OpSet {
		nd := nodes[fn]
		if nd == nil {
			return 0
		}
		if nd.state != 0 {
			return ck.ops[fn] | nd.direct
		}
		nd.state = 1
		ops := nd.direct
		for _, c := range nd.callees {
			ops |= visit(c)
		}
		nd.state = 2
		ck.ops[fn] = ops
		return ops
	}
	for _, fn := range order {
		// Only what importers can call needs a fact.
		if ops := visit(fn).Upload(); ops != 0 && fn.Exported() && !ck.inTest(fn.Pos()) {
			ck.pass.ExportObjectFact(fn, &opsFact{Ops: ops, CodeErrors: ck.codeErrors[fn]})
		}
	}
}

// A loopInfo is what the function scan learns about one loop.
type loopInfo struct {
	stmt ast.Node    // *ast.ForStmt or *ast.RangeStmt; *ast.FuncDecl for a function that calls itself
	self *types.Func // the function that calls itself to retry, for a *ast.FuncDecl
	// retried says how a retry library treats the errors a function
	// literal returns, for an *ast.FuncLit given to one.
	retried retryErrors
	body    *ast.BlockStmt
	label   string
	parent  *loopInfo

	sendsSlice       bool // the loop, or a loop inside it, sends a slice into a session
	sendsUpload      bool // it sends some operation of the sliced upload, or calls what does
	sendsOther       bool // it sends another operation of the API (stat, delete), or calls what does
	mentionsSession  bool
	mentionsOffset   bool
	countsAttempts   bool                  // its counter, bound or label is named for attempts
	overCollection   bool                  // it ranges over a slice, map, channel or function
	hasPost          bool                  // a for loop with a post statement
	headerVars       map[types.Object]bool // the variables its header declares or steps
	restartsEachTime bool                  // a top-level statement of its body opens a session or resumes
}

// isSliceLoop reports whether the loop evidently sends slices of a session.
func (l *loopInfo) isSliceLoop() bool {
	return l.sendsSlice || (l.mentionsSession && l.mentionsOffset)
}

// scanFunc finds the loops of a function body, function literals
// included, and what they send,
// in one pass: variables are followed from the op strings assigned to them
// ("op": "upload_slice_data") to the loops that use them.
func (ck *checker) scanFunc(body *ast.BlockStmt) []*loopInfo {
	info := ck.pass.TypesInfo
	tainted := make(map[types.Object]cosapi.OpSet) // variables built from op strings
	var loops []*loopInfo
	var loopStack []*loopInfo
	var stack []ast.Node
	labels := make(map[ast.Stmt]string)
	retried := make(map[*ast.FuncLit]retryErrors)

	exprOps := func(e ast.Expr) cosapi.OpSet {
		var ops cosapi.OpSet
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BasicLit, *ast.SelectorExpr:
				ops |= ck.stringOps(n.(ast.Expr))
			case *ast.Ident:
				ops |= ck.stringOps(n)
				if obj := info.Uses[n]; obj != nil {
					ops |= tainted[obj]
				}
			}
			return true
		})
		return ops
	}
	// argOps reads an argument without walking into calls, which have
	// arguments of their own.
	argOps := func(a ast.Expr) cosapi.OpSet {
		switch a := ast.Unparen(a).(type) {
		case *ast.Ident:
			return tainted[info.Uses[a]] | ck.stringOps(a)
		case *ast.BasicLit, *ast.SelectorExpr:
			return ck.stringOps(a)
		case *ast.CompositeLit:
			return exprOps(a)
		}
		return 0
	}
	taint := func(lhs ast.Expr, ops cosapi.OpSet) {
		if ops == 0 {
			return
		}
		if id := exprinfo.RootIdent(lhs); id != nil {
			if obj := info.ObjectOf(id); obj != nil {
				tainted[obj] |= ops
			}
		}
	}
	mark := func(f func(l *loopInfo)) {
		if len(loopStack) > 0 {
			f(loopStack[len(loopStack)-1])
		}
	}

	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(loopStack) > 0 && loopStack[len(loopStack)-1].stmt == top {
				l := loopStack[len(loopStack)-1]
				loopStack = loopStack[:len(loopStack)-1]
				if l.parent != nil { // what an inner loop sends, the outer one sends too
					l.parent.sendsSlice = l.parent.sendsSlice || l.sendsSlice
					l.parent.sendsUpload = l.parent.sendsUpload || l.sendsUpload
					l.parent.sendsOther = l.parent.sendsOther || l.sendsOther
					l.parent.mentionsSession = l.parent.mentionsSession || l.mentionsSession
					l.parent.mentionsOffset = l.parent.mentionsOffset || l.mentionsOffset
				}
			}
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.LabeledStmt:
			labels[n.Stmt] = n.Label.Name
		case *ast.ForStmt, *ast.RangeStmt:
			// A loop inside a function literal is walked as any other;
			// what it sends counts for the loops around the literal too
			// (go func() { post(slice) }()).
			l := ck.newLoop(n.(ast.Stmt), labels[n.(ast.Stmt)])
			if len(loopStack) > 0 {
				l.parent = loopStack[len(loopStack)-1]
			}
			loops = append(loops, l)
			loopStack = append(loopStack, l)
		case *ast.FuncLit:
			// A function literal given to a retry library is a retry loop.
			if r := retried[n]; r != notRetried {
				l := &loopInfo{stmt: n, body: n.Body, retried: r, countsAttempts: true, headerVars: map[types.Object]bool{}}
				if len(loopStack) > 0 {
					l.parent = loopStack[len(loopStack)-1]
				}
				loops = append(loops, l)
				loopStack = append(loopStack, l)
			}
		case *ast.AssignStmt:
			ck.noteCodeErrors(n.Lhs, n.Rhs)
			ck.noteOKLookup(n.Lhs, n.Rhs)
			for i, lhs := range n.Lhs {
				if len(n.Rhs) == len(n.Lhs) {
					taint(lhs, exprOps(n.Rhs[i]))
				} else if len(n.Rhs) == 1 {
					taint(lhs, exprOps(n.Rhs[0]))
				}
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				lhs[i] = name
			}
			ck.noteCodeErrors(lhs, n.Values)
			for i, name := range n.Names {
				if i < len(n.Values) {
					taint(name, exprOps(n.Values[i]))
				}
			}
		case *ast.ExprStmt:
			// q.Set("op", "upload_slice_data") builds q.
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					if id := exprinfo.RootIdent(sel.X); id != nil {
						if _, isVar := info.Uses[id].(*types.Var); isVar {
							for _, a := range call.Args {
								taint(sel.X, exprOps(a))
							}
						}
					}
				}
			}
		case *ast.CallExpr:
			if r := ck.retryLibraryCall(n); r != notRetried {
				for _, a := range n.Args {
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && returnsError(info, lit) {
						retried[lit] = r
					}
				}
			}
			callee := typeutil.StaticCallee(info, n)
			if callee != nil && callee.Pkg() == ck.pass.Pkg {
				for _, a := range n.Args {
					if ops := argOps(a); ops&cosapi.OpData != 0 && !ops.Restarts() {
						ck.sliceRequests[callee] = true
					}
				}
			}
			ops := ck.opsOf(callee)
			name := calleeName(n)
			if ops.SendsSlice() || (ops == 0 && isSliceSendName(name)) {
				mark(func(l *loopInfo) { l.sendsSlice = true })
			}
			switch {
			case ops.Upload() != 0 || isSliceSendName(name) || isRestartCallName(name):
				mark(func(l *loopInfo) { l.sendsUpload = true })
			case ops != 0 || isOtherOpName(name):
				mark(func(l *loopInfo) { l.sendsOther = true })
			}
		case *ast.BasicLit:
			ops := ck.stringOps(n)
			if ops&cosapi.OpData != 0 {
				mark(func(l *loopInfo) { l.sendsSlice = true })
			}
			if ops.Upload() != 0 {
				mark(func(l *loopInfo) { l.sendsUpload = true })
			}
			if ops&cosapi.OpOther != 0 {
				mark(func(l *loopInfo) { l.sendsOther = true })
			}
		case *ast.Ident:
			obj := info.Uses[n]
			if obj == nil {
				break
			}
			ops := tainted[obj] | ck.stringOps(n)
			if ops&cosapi.OpData != 0 {
				mark(func(l *loopInfo) { l.sendsSlice = true })
			}
			if ops.Upload() != 0 {
				mark(func(l *loopInfo) { l.sendsUpload = true })
			}
			if ops&cosapi.OpOther != 0 {
				mark(func(l *loopInfo) { l.sendsOther = true })
			}
			if _, isVar := obj.(*types.Var); isVar {
				if isSessionName(n.Name) {
					mark(func(l *loopInfo) { l.mentionsSession, l.sendsUpload = true, true })
				}
				if isOffsetName(n.Name) {
					mark(func(l *loopInfo) { l.mentionsOffset = true })
				}
			}
		}
		return true
	})
	return loops
}

// newLoop reads a loop's header.
func (ck *checker) newLoop(s ast.Stmt, label string) *loopInfo {
	info := ck.pass.TypesInfo
	l := &loopInfo{stmt: s, label: label, headerVars: make(map[types.Object]bool)}
	if label != "" && countsAttempts(label) {
		l.countsAttempts = true
	}
	header := func(e ast.Node, declares bool) {
		if e == nil {
			return
		}
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				if countsAttempts(n.Name) {
					l.countsAttempts = true
				}
				if obj := info.ObjectOf(n); declares && obj != nil {
					if _, ok := obj.(*types.Var); ok {
						l.headerVars[obj] = true
					}
				}
			}
			return true
		})
	}
	switch s := s.(type) {
	case *ast.ForStmt:
		l.body = s.Body
		l.hasPost = s.Post != nil
		header(s.Init, true)
		header(s.Cond, true) // for offset < size: offset is what the loop steps
		header(s.Post, true)
		// for ...; ...; session = c.newSession() starts over every time.
		l.restartsEachTime = s.Post != nil && ck.startsOver(s.Post)
	case *ast.RangeStmt:
		l.body = s.Body
		if s.Key != nil {
			header(s.Key, true)
		}
		if s.Value != nil {
			header(s.Value, true)
		}
		header(s.X, false)
		if t := info.TypeOf(s.X); t != nil {
			if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
				l.overCollection = true
			}
		}
	}
	return l
}

// calleeName returns the name a call spells: Sleep in time.Sleep, logf in
// c.logf.
func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // generic instantiation
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}
