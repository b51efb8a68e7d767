package swallowed

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// The check is a property of paths on the function's control-flow graph,
// decided by forward dataflows over it, each linear in its size: the two
// below, and two that they read (freshness.go, loops.go):
//
//   - reply: at each point, what the last request may have answered (its
//     outcomes: the codes it may have answered with, and whether it may
//     have failed on the way), as the conditions since then leave them;
//   - failure: at each point, the failures that some path carries there
//     unanswered: from the edge a condition on the reply takes for a
//     failure (a code that is neither success nor "done", or a failure on
//     the way), through nodes that neither resend the slice, nor start
//     the upload over, nor record the failure (package upload), nor
//     return it. Moving on to the next slice does not answer it: the
//     failure is left behind, and later conditions, which test later
//     replies, no longer take it out.
//
// A return that reports success (a nil error, a true flag) where the
// failure flow is live swallows the failure.

// outcomes are what a request may have answered: codes when it was
// answered, and whether it failed on the way.
type outcomes struct {
	codes  codeset.Set
	failed bool
}

func (o outcomes) union(p outcomes) outcomes {
	return outcomes{o.codes.Union(p.codes), o.failed || p.failed}
}

// answeredFailure reports whether some outcome is a failure code: the
// request was answered, and refused.
func (o outcomes) answeredFailure() bool {
	return !o.codes.Minus(codeset.Success()).Minus(codeset.Done()).Empty()
}

// through returns the outcomes that take edge i of condition c.
func (o outcomes) through(c *upload.BlockCond, i int) outcomes {
	return outcomes{o.codes.Inter(c.Answered[i]), o.failed && c.Failed[i]}
}

// failure reports whether some outcome is a failure: a code that is no
// success and not "done" (already uploaded, exists), or a failure on the
// way.
func (o outcomes) failure() bool { return o.failed || o.answeredFailure() }

// A state is what the failure flow carries to a point.
type state struct {
	pending outcomes // the failed slice may still be resent
	left    outcomes // left behind, the failed reply still the last one
	lost    bool     // left behind and answered over
	marks   uint64   // the zero-tested variables assigned since (upload.NodeInfo.Marks)
	fresh   uint64   // the variables that may hold the last reply (freshness)
	unsure  uint64   // the loop conditions not known to hold (loopConds)
	origin  ast.Node // the first failure test on the way, for the report
}

func (s state) live() bool { return s.pending.failure() || s.left.failure() || s.lost }

func (s state) join(t state) state {
	out := state{s.pending.union(t.pending), s.left.union(t.left), s.lost || t.lost, s.marks | t.marks, s.fresh | t.fresh, s.unsure | t.unsure, s.origin}
	if out.origin == nil || t.origin != nil && t.origin.Pos() < out.origin.Pos() {
		out.origin = t.origin
	}
	return out
}

func (s state) equal(t state) bool {
	return s.pending == t.pending && s.left == t.left && s.lost == t.lost && s.marks == t.marks && s.fresh == t.fresh && s.unsure == t.unsure && s.origin == t.origin
}

// moveOn leaves the pending failure behind: the next slice, a new offset.
func (s state) moveOn() state {
	s.left, s.pending = s.left.union(s.pending), outcomes{}
	return s
}

type flow struct {
	f        *upload.Func
	blocks   []*cfg.Block
	ins      [][]edgeIn
	replyOut []outcomes
	failIn   []state
	failOut  []state
	success  successTest
	fresh    *freshness
	loops    *loopConds
	untested map[ast.Node]bool // nodes that send a request whose reply's code nothing tests
	// reanswers are the nodes whose "requests" only answer again what an
	// earlier request answered (err := check(resp)): the reply goes on.
	reanswers map[ast.Node]bool
	info      *types.Info
	found     map[*ast.ReturnStmt]ast.Node // swallowing returns, and the failure they swallow
}

// An edgeIn is an edge into a block: its source, and which successor it is.
type edgeIn struct{ pred, i int }

// swallowed returns the diagnostics for f's returns that report success
// after a failure; success says which returns do.
func swallowed(info *types.Info, m *upload.Model, f *upload.Func, success successTest) []analysis.Diagnostic {
	fl := &flow{f: f, info: info, blocks: f.Graph.Blocks, success: success, found: make(map[*ast.ReturnStmt]ast.Node)}
	fl.untested = nodesWith(f, m.UntestedCalls(info, f))
	fl.reanswers = reanswers(info, f)
	n := len(fl.blocks)
	fl.ins = make([][]edgeIn, n)
	for _, b := range fl.blocks {
		for i, s := range b.Succs {
			fl.ins[s.Index] = append(fl.ins[s.Index], edgeIn{int(b.Index), i})
		}
	}
	fl.replyOut = make([]outcomes, n)
	fl.failIn, fl.failOut = make([]state, n), make([]state, n)
	rpo := upload.Order(fl.blocks, func(b *cfg.Block) []*cfg.Block { return b.Succs })
	fl.fresh = newFreshness(f, fl.blocks, fl.ins, rpo)
	fl.loops = newLoopConds(info, f)
	fl.loops.solve(fl.blocks, fl.ins, rpo)
	fl.replies(rpo)
	fl.failures(rpo)
	return fl.diagnostics()
}

// entryFilter returns the outcomes of o with which block b is entered
// when its entry is a condition of its own (a switch's default clause).
func (fl *flow) entryFilter(b *cfg.Block, o outcomes) outcomes {
	if c, ok := fl.f.Entry(b); ok {
		o.codes = c.Filter(o.codes)
	}
	return o
}

// replies computes what the last request may have answered.
func (fl *flow) replies(rpo []*cfg.Block) {
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			var r outcomes
			for _, e := range fl.ins[b.Index] {
				p := fl.blocks[e.pred]
				o := fl.replyOut[e.pred]
				if c := fl.f.Cond(p); c != nil && e.i < 2 {
					o = o.through(c, e.i)
				}
				r = r.union(o)
			}
			r = fl.entryFilter(b, r)
			for _, n := range b.Nodes {
				if info := fl.f.Info(n); info.Requests && !fl.reanswers[n] {
					r = outcomes{codeset.All(), true}
					if unnamed(info) {
						r = outcomes{} // another API's, maybe: its failures are not the upload's
					}
				}
			}
			if r != fl.replyOut[b.Index] {
				fl.replyOut[b.Index] = r
				changed = true
			}
		}
	}
}

// failures computes the failure flow, and finds the returns it reaches.
func (fl *flow) failures(rpo []*cfg.Block) {
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			var s state
			for _, e := range fl.ins[b.Index] {
				s = s.join(fl.edge(fl.blocks[e.pred], e.i))
			}
			s = fl.enter(b, s)
			fl.failIn[b.Index] = s
			u := fl.loops.in[b.Index]
			for _, n := range b.Nodes {
				s = fl.node(n, s, u)
				u = fl.loops.step(n, u)
			}
			// Joined with what the block gave before, the flow only
			// rises: a record that clears a path, tested once a later
			// mark is known, cannot make it oscillate.
			s = fl.failOut[b.Index].join(s)
			if !s.equal(fl.failOut[b.Index]) {
				fl.failOut[b.Index] = s
				changed = true
			}
		}
	}
}

// enter applies what entering b does: the next element of a range loop
// over the slices moves on, a switch's default clause filters.
func (fl *flow) enter(b *cfg.Block, s state) state {
	if fl.f.KillsOnEntry(b) {
		s = s.moveOn()
	}
	if c, ok := fl.f.Entry(b); ok {
		s.pending.codes, s.left.codes = c.Filter(s.pending.codes), c.Filter(s.left.codes)
	}
	return s
}

// nodesWith returns the nodes of f's graph that hold one of the calls.
func nodesWith(f *upload.Func, calls map[*ast.CallExpr]bool) map[ast.Node]bool {
	out := make(map[ast.Node]bool)
	if len(calls) == 0 {
		return out
	}
	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				if _, ok := x.(*ast.FuncLit); ok {
					return false
				}
				if call, ok := x.(*ast.CallExpr); ok && calls[call] {
					out[n] = true
				}
				return !out[n]
			})
		}
	}
	return out
}

// unnamed reports whether a node's requests are all of operations the
// protocol does not name (a raw http.Client.Do to a webhook): in a
// function that takes named steps of the upload, they are no step of it.
func unnamed(info upload.NodeInfo) bool {
	return len(info.Sends) == 0 && !info.Finishes && !info.Restarts
}

// take adds the failures among r, taken by the condition at at, to s.
func (fl *flow) take(s state, r outcomes, at ast.Node, fresh, unsure uint64) state {
	if !r.failure() || r.codes.HasValue(0) && !(r.failed && r.answeredFailure()) {
		// Not the edge of a failure: success (0) takes it, and it is
		// no edge that a failure on the way takes with failure codes
		// too (err == nil || try == max). An edge that leaves the code
		// untested (the else of `if err != nil` for an error with no
		// code) or selects success alone (case 0:) is none.
		return s
	}
	s.pending = s.pending.union(r)
	s.fresh |= fresh
	s.unsure |= unsure
	if s.origin == nil || at.Pos() < s.origin.Pos() {
		s.origin = at
	}
	return s
}

// edge returns the failure state on the edge from b to its i'th
// successor.
func (fl *flow) edge(b *cfg.Block, i int) state {
	s := fl.failOut[b.Index]
	unsure, taken := fl.loops.edge(b, i, s.unsure)
	if !taken {
		return state{} // the loop's condition still holds: no path leaves here
	}
	s.unsure = unsure
	c := fl.f.Cond(b)
	if c == nil || i >= 2 {
		return s
	}
	if s.marks&c.ZeroTests != 0 {
		return state{unsure: s.unsure} // the author tests what was recorded (if failed, if n > 0)
	}
	opaque := c.OnAnswer && (c.Opaque || !c.Then.Mentions() && c.Failed == [2]bool{true, true})
	if opaque {
		// A decision on the last reply the check cannot read
		// (errors.Is(err, errExists), !m.end(...)): its failures are
		// decided, not those answered over before it.
		return state{lost: s.lost, marks: s.marks, fresh: s.fresh, unsure: s.unsure, origin: s.origin}
	}
	s.pending, s.left = s.pending.through(c, i), s.left.through(c, i)
	if c.OnAnswer {
		s = fl.take(s, fl.replyOut[b.Index].through(c, i), condAt(b, c), fl.fresh.out[b.Index], fl.loops.onEdge(b, i))
	}
	return s
}

// condAt returns what a report names as the failure test: the comparison
// on the code, or the condition.
func condAt(b *cfg.Block, c *upload.BlockCond) ast.Node {
	if c.Then.Mentions() && c.Then.At() != nil {
		return c.Then.At()
	}
	return b.Nodes[len(b.Nodes)-1]
}

// node applies what one node does to the failure state; unsure are the
// loop conditions not known to hold before it, over all paths.
func (fl *flow) node(n ast.Node, s state, unsure uint64) state {
	s = fl.nodeEffect(n, s)
	if info := fl.f.Info(n); info.Requests && !unnamed(info) && !info.Records && !fl.reanswers[n] && fl.untested[n] {
		// A step of the upload: until a condition tests its reply, the
		// reply may be a failure code (a reply never tested, returned
		// as success, is swallowed too).
		if !s.live() {
			s.unsure = unsure
		}
		s.pending = s.pending.union(outcomes{codes: codeset.Success().Complement().Minus(codeset.Done())})
		if s.origin == nil || n.Pos() < s.origin.Pos() {
			s.origin = n
		}
	}
	if s.live() {
		s.fresh = fl.fresh.step(n, s.fresh)
		s.unsure = fl.loops.step(n, s.unsure)
	} else {
		s.fresh, s.unsure = 0, 0 // only the paths of a failure carry theirs
	}
	return s
}

func (fl *flow) nodeEffect(n ast.Node, s state) state {
	if ret, ok := n.(*ast.ReturnStmt); ok {
		holds := func(e ast.Expr) bool { return fl.fresh.holds(fl.info, e, s.fresh) }
		answered := s.pending.answeredFailure() || s.left.answeredFailure()
		if s.live() && fl.success(ret, holds, answered) {
			if prev, ok := fl.found[ret]; !ok || s.origin.Pos() < prev.Pos() {
				fl.found[ret] = s.origin
			}
		}
		return s
	}
	info := fl.f.Info(n)
	if info.Restarts {
		return state{unsure: s.unsure} // a new upload
	}
	if info.Requests && !fl.reanswers[n] {
		if len(info.Sends) > 0 && !info.Kills || info.Generic {
			s.pending = outcomes{} // the slice goes out again: its new reply is tested, or not, anew
		}
		s.lost = s.lost || s.pending.failure() || s.left.failure()
		s.pending, s.left = outcomes{}, outcomes{}
	}
	if info.Kills {
		s = s.moveOn()
	}
	if info.Records {
		return state{unsure: s.unsure}
	}
	if s.live() {
		s.marks |= info.Marks
	}
	return s
}

// reanswers returns the nodes of f whose requests are all calls given an
// earlier answer (err := Check(resp), a function that turns a reply into
// an error): they send nothing new.
func reanswers(info *types.Info, f *upload.Func) map[ast.Node]bool {
	answers := f.Answers()
	holders := make(map[types.Object][]*upload.Answer)
	byCall := make(map[*ast.CallExpr]*upload.Answer, len(answers))
	for _, a := range answers {
		byCall[a.Call] = a
		for _, v := range a.Vars() {
			holders[v] = append(holders[v], a)
		}
	}
	given := make(map[*ast.CallExpr]bool)
	for _, a := range answers {
		for _, arg := range a.Call.Args {
			// The reply itself, or an error of it: not a session or an
			// offset read from it, which make a new request.
			id, ok := ast.Unparen(arg).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.Uses[id].(*types.Var)
			if !ok || !cosapi.HasCodeField(v.Type()) && !exprinfo.IsError(v.Type()) {
				continue
			}
			for _, b := range holders[v] {
				if b != a {
					given[a.Call] = true
				}
			}
		}
	}
	out := make(map[ast.Node]bool)
	if len(given) == 0 {
		return out
	}
	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			if info := f.Info(n); !info.Requests || !unnamed(info) {
				continue
			}
			all, any := true, false
			ast.Inspect(n, func(x ast.Node) bool {
				if _, ok := x.(*ast.FuncLit); ok {
					return false
				}
				if call, ok := x.(*ast.CallExpr); ok && byCall[call] != nil {
					any = true
					all = all && given[call]
				}
				return true
			})
			out[n] = any && all
		}
	}
	return out
}
