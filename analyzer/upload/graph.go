package upload

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// NodeInfo is what a node of a function's control-flow graph does to the
// upload.
type NodeInfo struct {
	// Sends are the slice sends the node makes.
	Sends []*ast.CallExpr
	// Generic says that the node sends a request that may be a slice (a
	// helper's parameters sent on): in the same session, if it is one.
	Generic bool
	// Kills says that after the node the same slice is no longer sent in
	// the same session: it starts the upload over (a session opener, a
	// listing to resume), gives the session or the slice's position a new
	// value, or changes the state the loop decides on.
	Kills bool
	// Restarts says more: after the node no slice is sent in the same
	// session. Moving to the next slice kills, but does not restart.
	Restarts bool
	// Reenters says that the node is a return after which a retry
	// library calls the function again.
	Reenters bool

	// Requests says that the node sends a request: what it answers is
	// the last answer from there on.
	Requests bool
	// Finishes says that the node sends upload_slice_finish.
	Finishes bool
	// Records says that the node records what an answer said where the
	// caller or a later test sees it (records.go).
	Records bool
	// Marks has a bit set for each variable the node assigns that a
	// condition compares with its zero value (BlockCond.ZeroTests).
	Marks uint64
}

// BlockCond is what the condition that ends a block says about the
// response code, for the edge to each of its two successors.
type BlockCond struct {
	Then, Else Cond
	// CaseValue says that the condition is one value of a case clause:
	// its else edge is no branch the author wrote, only the way to the
	// next case (or to the default clause, see Func.Entry).
	CaseValue bool

	// The two edges read in each world of the last request (worlds.go):
	// Answered holds the codes for which each edge may be taken when the
	// request was answered, Failed whether it may be taken when the
	// request failed on the way.
	Answered [2]codeset.Set
	Failed   [2]bool
	// OnAnswer says that the condition looks at what a request answered:
	// its code or its error.
	OnAnswer bool
	// Opaque says that, read where the request was answered, a part of
	// the condition decides on the code in a way the checks cannot read
	// (isTransient(code), errors.Is(err, errExists)).
	Opaque bool
	// ZeroTests has the bits of NodeInfo.Marks of the variables the
	// condition compares with their zero value (if failed, if n > 0).
	ZeroTests uint64
}

// Info returns what a node of f's graph does.
func (f *Func) Info(n ast.Node) NodeInfo { return nodeInfoOf(f.nodes[n]) }

func nodeInfoOf(p *NodeInfo) NodeInfo {
	if p == nil {
		return NodeInfo{}
	}
	return *p
}

// Cond returns the condition that ends block b, or nil when b does not
// end in a condition.
func (f *Func) Cond(b *cfg.Block) *BlockCond { return f.conds[b] }

// Entry returns the condition under which a block is entered when that is
// no edge of the graph: the default clause of a switch on the code is
// entered for every code no case named.
func (f *Func) Entry(b *cfg.Block) (Cond, bool) {
	c, ok := f.entries[b]
	return c, ok
}

// KillsOnEntry reports whether entering b moves to another slice: the body
// of a range loop over the slices (or anything the sends are built from).
func (f *Func) KillsOnEntry(b *cfg.Block) bool { return f.killBlocks[b] }

// buildGraph builds f's control-flow graph and annotates it.
func (pr *protocol) buildGraph(f *Func) {
	info := pr.pass.TypesInfo
	f.Graph = cfg.New(f.Body, func(call *ast.CallExpr) bool { return !isExit(info, call) })
	f.nodes = make(map[ast.Node]*NodeInfo)
	f.conds = make(map[*cfg.Block]*BlockCond)
	f.entries = make(map[*cfg.Block]Cond)
	f.killBlocks = make(map[*cfg.Block]bool)
	f.deps = pr.dependencies(f)
	f.sessions = make(map[types.Object]bool)
	for obj := range f.values.sources(pr.sessionObjects(f)) {
		if f.deps[obj] {
			f.sessions[obj] = true
		}
	}

	pr.noteAnswerErrors(f)
	conds := pr.conditions(f)
	condVars := make(map[types.Object]bool)
	for e := range conds.exprs {
		for _, obj := range reads(info, e) {
			condVars[obj] = true
		}
	}
	for _, tag := range conds.tags {
		for _, obj := range reads(info, tag) {
			condVars[obj] = true
		}
	}
	varying := pr.varying(f)
	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			if ni := pr.nodeInfo(f, n, condVars, varying); ni != nil {
				f.nodes[n] = ni
			}
		}
		if len(b.Succs) == 2 && len(b.Nodes) > 0 {
			if e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				if c, ok := conds.of(pr, e); ok {
					bc := &BlockCond{Then: Cond{c}, Else: Cond{c.not()}, CaseValue: conds.exprs[e].sw != nil}
					pr.world = worldAnswered
					answered, _ := conds.of(pr, e)
					pr.world = worldNeutral
					bc.Answered = [2]codeset.Set{answered.may, answered.not().may}
					bc.Opaque = answered.opaque
					switch sw := conds.exprs[e].sw; {
					case sw == nil || sw.Tag == nil:
						t := pr.failedTruth(e)
						bc.Failed = [2]bool{t != isFalse, t != isTrue}
					case pr.isCode(sw.Tag) && pr.isAPICode(e):
						bc.Failed = [2]bool{false, true} // case -4018: no failure on the way has it
					default:
						bc.Failed = [2]bool{true, true}
					}
					bc.OnAnswer = pr.looksAtAnswer(c, e)
					f.conds[b] = bc
				}
			}
		}
		switch b.Kind {
		case cfg.KindRangeLoop:
			rs := b.Stmt.(*ast.RangeStmt)
			for _, lhs := range []ast.Expr{rs.Key, rs.Value} {
				if lhs != nil && f.deps[location(info, lhs)] {
					f.killBlocks[b] = true // the next element: another slice
				}
			}
		case cfg.KindSwitchCaseBody:
			if cc, ok := b.Stmt.(*ast.CaseClause); ok && cc.List == nil {
				if c, ok := conds.defaults[cc]; ok {
					f.entries[b] = Cond{c}
				}
			}
		}
	}

	tests := make(map[ast.Node]bool) // the conditions and what switches switch on
	for _, b := range f.Graph.Blocks {
		if len(b.Succs) == 2 && len(b.Nodes) > 0 {
			if e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				tests[e] = true
			}
		}
	}
	for _, tag := range conds.tags {
		tests[tag] = true
	}
	inspectBody(f.Body, func(n ast.Node) {
		if ts, ok := n.(*ast.TypeSwitchStmt); ok {
			tests[ts.Assign] = true
		}
	})
	pr.readAnswers(f, tests)
	pr.noteRecords(f, tests)
}

// dependencies returns what f's slice sends are built from: the objects
// their request arguments read, the free variables of the literals they
// call that reach a request, and everything those are computed from
// (not going through replies).
func (pr *protocol) dependencies(f *Func) map[types.Object]bool {
	info := pr.pass.TypesInfo
	var roots []types.Object
	for _, c := range f.calls {
		if !c.sliceSend {
			continue
		}
		for _, a := range c.sensitive {
			roots = append(roots, reads(info, a)...)
		}
		if c.lit != nil {
			roots = append(roots, c.lit.reqFree...)
		}
	}
	deps := f.values.sources(roots)
	for obj := range deps {
		if t := obj.Type(); exprinfo.IsError(t) || isFunc(t) {
			delete(deps, obj)
		}
	}
	return deps
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// varying returns the objects some assignment of f gives a value that is
// not a constant: a constant assigned to one of those resets it.
func (pr *protocol) varying(f *Func) map[types.Object]bool {
	info := pr.pass.TypesInfo
	out := make(map[types.Object]bool)
	note := func(lhs ast.Expr, rhs ast.Expr, tok token.Token) {
		loc := location(info, lhs)
		if loc == nil {
			return
		}
		if rhs == nil || tok != token.ASSIGN && tok != token.DEFINE || info.Types[rhs].Value == nil {
			out[loc] = true
		}
	}
	inspectBody(f.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				note(lhs, rhs, n.Tok)
			}
		case *ast.IncDecStmt:
			note(n.X, nil, n.Tok)
		case *ast.RangeStmt:
			for _, lhs := range []ast.Expr{n.Key, n.Value} {
				if lhs != nil {
					note(lhs, nil, token.DEFINE)
				}
			}
		}
	})
	for _, p := range f.params() {
		out[p] = true // a parameter has its caller's value
	}
	return out
}

// nodeInfo says what a node does, or nil when it does nothing to the
// upload.
func (pr *protocol) nodeInfo(f *Func, n ast.Node, condVars, varying map[types.Object]bool) *NodeInfo {
	if _, ok := n.(*ast.DeferStmt); ok {
		return nil // not on the path: it runs at the return
	}
	info := pr.pass.TypesInfo
	ni := &NodeInfo{}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			c := f.calls[x]
			if c == nil {
				return true
			}
			if c.transmits {
				ni.Requests = true
				ops := c.request.opsSent()
				if c.sum != nil {
					ops |= c.sum.ops
				}
				ni.Finishes = ni.Finishes || ops&cosapi.OpFinish != 0 && !c.sliceSend && !c.restart
			}
			switch {
			case c.restart:
				ni.Kills, ni.Restarts = true, true
			case c.sliceSend:
				switch same, session := pr.sameSliceAgain(f, c); {
				case same:
					ni.Sends = append(ni.Sends, x)
				case session:
					ni.Kills = true // calls itself for the next slice
					ni.Sends = append(ni.Sends, x)
				default:
					ni.Kills, ni.Restarts = true, true // calls itself with another session
				}
			case pr.mutatesDeps(f, c):
				ni.Kills, ni.Restarts = true, true
			case c.generic:
				ni.Generic = true
			}
		}
		return true
	})
	switch n := n.(type) {
	case *ast.AssignStmt:
		for lhs, rhs := range assignments(n.Lhs, n.Rhs) {
			kills, restarts := pr.killsByAssigning(f, lhs, rhs, n.Tok, condVars, varying)
			ni.Kills = ni.Kills || kills
			ni.Restarts = ni.Restarts || restarts
		}
	case *ast.ValueSpec:
		for lhs, rhs := range assignments(names(n), n.Values) {
			if rhs != nil {
				kills, restarts := pr.killsByAssigning(f, lhs, rhs, token.DEFINE, condVars, varying)
				ni.Kills = ni.Kills || kills
				ni.Restarts = ni.Restarts || restarts
			}
		}
	case *ast.IncDecStmt:
		if loc := location(info, n.X); f.deps[loc] {
			ni.Kills = true // offset++: the next slice
			ni.Restarts = ni.Restarts || f.sessions[loc]
		}
	case *ast.ReturnStmt:
		ni.Reenters = retriesReturn(info, f.Retried, n)
	}
	if !ni.Kills && !ni.Restarts && !ni.Reenters && !ni.Generic && !ni.Requests && len(ni.Sends) == 0 {
		return nil
	}
	return ni
}

// sameSliceAgain reports whether a slice send sends what the function
// sends again, and whether it does so in the same session: always in a
// loop (what changed on the way is a kill of its own); for a function
// that calls itself, only with its own session and position (return
// c.put(session, offset, data, tries-1)), the same session with another
// position (return c.put(session, offset+n, ...)) being the next slice.
func (pr *protocol) sameSliceAgain(f *Func, c *call) (same, sameSession bool) {
	if f.Obj == nil || c.fn != f.Obj {
		return true, true
	}
	params := f.params()
	same, sameSession = true, true
	for i, a := range c.expr.Args {
		if i >= len(params) || i >= 64 || f.reqParams&(1<<i) == 0 {
			continue
		}
		if id, ok := ast.Unparen(a).(*ast.Ident); !ok || pr.pass.TypesInfo.Uses[id] != params[i] {
			same = false
			if f.sessionParams&(1<<i) != 0 {
				sameSession = false
			}
		}
	}
	return same, sameSession
}

// mutatesDeps reports whether a call can change what the slice sends are
// built from: a method that writes its receiver's fields called on it
// (u.reset()), or anything but a builder given one of them by address.
func (pr *protocol) mutatesDeps(f *Func, c *call) bool {
	if c.builder && (c.sum == nil || !c.sum.stateful) {
		return false
	}
	info := pr.pass.TypesInfo
	if sel, ok := ast.Unparen(c.expr.Fun).(*ast.SelectorExpr); ok && c.sum != nil && c.sum.stateful {
		for _, obj := range reads(info, sel.X) {
			if f.deps[obj] {
				return true
			}
		}
	}
	for _, a := range c.expr.Args {
		if x, ok := isAddrOf(a); ok && f.deps[location(info, x)] && !c.transmits {
			return true
		}
	}
	return false
}

// killsByAssigning reports whether assigning rhs to lhs gives the session,
// the slice's position or the state the loop decides on a new value
// (kills), and whether that value is another session or state (restarts).
func (pr *protocol) killsByAssigning(f *Func, lhs, rhs ast.Expr, tok token.Token, condVars, varying map[types.Object]bool) (kills, restarts bool) {
	info := pr.pass.TypesInfo
	loc := location(info, lhs)
	if loc == nil {
		return false, false
	}
	constant := rhs != nil && (info.Types[rhs].Value != nil || info.Types[rhs].IsNil())
	if !f.deps[loc] {
		// A flag or state the top of the loop reads (broken = true,
		// u.next = stateInit) is how a loop starts itself over.
		flag := constant && condVars[loc] && tok == token.ASSIGN
		return flag, flag
	}
	session := f.sessions[loc]
	switch {
	case tok != token.ASSIGN && tok != token.DEFINE:
		return true, session // offset += n
	case rhs == nil:
		return false, false
	case constant:
		reset := varying[loc] // session = "", pos = 0: a reset
		return reset, reset && session
	}
	rd := reads(info, rhs)
	for _, obj := range rd {
		if obj == loc {
			return true, session // offset = offset + n
		}
	}
	if fromReply(f.values, rd) {
		// Every slice reply echoes its session: the same one. Another
		// field of the reply (the offset the server wants next) moves on.
		if isSessionRead(info, rhs) {
			return false, false
		}
		return true, session
	}
	if u, ok := ast.Unparen(rhs).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return true, session // a value received: new
	}
	if !session && pr.movesPast(f, loc, lhs, rhs) {
		return true, false // offset = next, next := offset + n before it
	}
	// Anything computed from the same values is a rebuild of the same
	// request; a call that reads state of its own is not.
	newValue := false
	ast.Inspect(rhs, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if c := f.calls[n]; c != nil && !c.builder {
				newValue = true
			}
		}
		return !newValue
	})
	return newValue, newValue && session
}

func fromReply(g *valueGraph, objs []types.Object) bool {
	for _, obj := range objs {
		if g.reply[obj] {
			return true
		}
	}
	return false
}

// isSessionRead reports whether an expression reads the session field of
// a reply: resp.Data.Session, part.Session (by its JSON or form key).
func isSessionRead(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	return formKey(structOf(s.Recv()), s.Obj().(*types.Var)) == "session"
}

// condIndex maps the condition expressions of a function to what they
// test.
type condIndex struct {
	exprs    map[ast.Expr]condSite
	defaults map[*ast.CaseClause]condInfo
	tags     []ast.Expr // switch tags: what the cases decide on
}

type condSite struct {
	sw        *ast.SwitchStmt // for a case value
	tagIsCode bool
}

// conditions finds the conditions of f: of ifs and fors, the case values
// of switches, and the condition of each switch's default clause.
func (pr *protocol) conditions(f *Func) condIndex {
	idx := condIndex{exprs: make(map[ast.Expr]condSite), defaults: make(map[*ast.CaseClause]condInfo)}
	inspectBody(f.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.IfStmt:
			idx.exprs[n.Cond] = condSite{}
		case *ast.ForStmt:
			if n.Cond != nil {
				idx.exprs[n.Cond] = condSite{}
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				idx.tags = append(idx.tags, n.Tag)
			}
			tagIsCode := n.Tag != nil && pr.isCode(n.Tag)
			var dflt *ast.CaseClause
			var named codeset.Set
			mentions := false
			for _, st := range n.Body.List {
				cc := st.(*ast.CaseClause)
				if cc.List == nil {
					dflt = cc
					continue
				}
				c := pr.clauseCond(n, tagIsCode, cc)
				if c.mentions {
					mentions = true
					named = named.Union(c.sel)
				}
				for _, e := range cc.List {
					idx.exprs[e] = condSite{sw: n, tagIsCode: tagIsCode}
				}
			}
			if dflt != nil && mentions {
				idx.defaults[dflt] = condInfo{mentions: true, sel: named.Complement(), may: named.Complement(), at: span{dflt.Case, dflt.Colon + 1}}
			}
		}
	})
	return idx
}

// of evaluates a condition expression of the index.
func (idx condIndex) of(pr *protocol, e ast.Expr) (condInfo, bool) {
	site, ok := idx.exprs[e]
	if !ok {
		return condInfo{}, false
	}
	switch {
	case site.sw == nil:
		return pr.cond(e), true
	case site.sw.Tag == nil:
		return pr.cond(e), true
	case site.tagIsCode:
		c := pr.caseCond([]ast.Expr{e})
		c.src = e
		return c, true
	}
	return unknownCond(), true
}

// span is a range of source for a report that is no single node.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// Order returns the blocks reachable from the first in reverse postorder
// of the edges succs gives: in that order a dataflow over a structured
// function settles in a few passes, however deep its loops nest.
func Order(blocks []*cfg.Block, succs func(*cfg.Block) []*cfg.Block) []*cfg.Block {
	seen := make([]bool, len(blocks))
	var post []*cfg.Block
	var visit func(b *cfg.Block)
	visit = func(b *cfg.Block) {
		seen[b.Index] = true
		for _, s := range succs(b) {
			if !seen[s.Index] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	if len(blocks) > 0 {
		visit(blocks[0])
	}
	slices.Reverse(post)
	return post
}
