package reupload

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// The check is a property of paths, decided on the function's
// control-flow graph the way lostcancel decides "some path reaches the
// return without calling cancel": a reupload code is handled as a plain
// retry when, from the edge a condition takes for it, some path reaches a
// slice send again without a kill on the way (a restart, a new session, a
// new position: see package upload). Two dataflows over the graph, each
// linear in its size, with sets of codes as bitsets:
//
//   - forward, reach: at each point, the codes of the last reply received
//     for which the path from that send has no kill;
//   - backward, resend: at each point, the codes for which some path on
//     reaches a send with no kill, every condition on the way admitting
//     the code.
//
// An edge of a condition is a retry of the codes it admits that both
// reach it and can resend from its target.

// A flow holds one function's dataflows at one level of what counts as
// starting over: for the same slice (a blanket retry must resend it), or
// for the same session (a named reupload code must not go on in it at
// all, whatever the slice).
type flow struct {
	f       *upload.Func
	session bool // kills are only what restarts: a new session, a new upload
	blocks  []*cfg.Block
	succs   [][]*cfg.Block
	reachIn, reachOut,
	resendIn []codeset.Set
	loops   map[token.Pos]ast.Node // the innermost loop around each expression: see loopOf
	pass    *analysis.Pass
	related map[ast.Node][]analysis.RelatedInformation // per loop: see relatedOf
}

// retries returns the diagnostics for f's plain retries of reupload codes.
func retries(pass *analysis.Pass, f *upload.Func) []analysis.Diagnostic {
	same, session := newFlow(f, false), newFlow(f, true)
	same.pass = pass
	rpo := same.order()
	for _, fl := range []*flow{same, session} {
		fl.forward(rpo)
		fl.backward(rpo)
	}
	return findRetries(same, session)
}

// kills reports whether a node ends the paths of the flow.
func (fl *flow) kills(info upload.NodeInfo) bool {
	if fl.session {
		return info.Restarts
	}
	return info.Kills || info.Restarts
}

// killsOnEntry reports whether entering b ends the paths of the flow.
func (fl *flow) killsOnEntry(b *cfg.Block) bool {
	return !fl.session && fl.f.KillsOnEntry(b)
}

func newFlow(f *upload.Func, session bool) *flow {
	blocks := f.Graph.Blocks
	fl := &flow{
		f:        f,
		session:  session,
		blocks:   blocks,
		succs:    make([][]*cfg.Block, len(blocks)),
		reachIn:  make([]codeset.Set, len(blocks)),
		reachOut: make([]codeset.Set, len(blocks)),
		resendIn: make([]codeset.Set, len(blocks)),
	}
	for _, b := range blocks {
		fl.succs[b.Index] = b.Succs
		if n := len(b.Nodes); n > 0 && f.Info(b.Nodes[n-1]).Reenters {
			// A retry library calls the function again.
			fl.succs[b.Index] = append(append([]*cfg.Block(nil), b.Succs...), blocks[0])
		}
	}
	return fl
}

// edge returns the codes of p that take the edge from b to its i'th
// successor.
func (fl *flow) edge(b *cfg.Block, i int, p codeset.Set) codeset.Set {
	c := fl.f.Cond(b)
	if c == nil || i >= 2 {
		return p
	}
	if i == 0 {
		return c.Then.Filter(p)
	}
	return c.Else.Filter(p)
}

// order returns the blocks reachable from the entry in reverse
// postorder, along the flow's edges.
func (fl *flow) order() []*cfg.Block {
	return upload.Order(fl.blocks, func(b *cfg.Block) []*cfg.Block { return fl.succs[b.Index] })
}

// forward computes reach, in passes over the blocks in reverse postorder
// until nothing changes.
func (fl *flow) forward(rpo []*cfg.Block) {
	type in struct{ pred, i int } // an edge into a block: its source, and which successor
	ins := make([][]in, len(fl.blocks))
	for _, b := range fl.blocks {
		for i, s := range fl.succs[b.Index] {
			ins[s.Index] = append(ins[s.Index], in{int(b.Index), i})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			i := b.Index
			var r codeset.Set
			for _, p := range ins[i] {
				r = r.Union(fl.edge(fl.blocks[p.pred], p.i, fl.reachOut[p.pred]))
			}
			if fl.killsOnEntry(b) {
				r = codeset.Set{}
			}
			fl.reachIn[i] = r
			for _, n := range b.Nodes {
				info := fl.f.Info(n)
				switch {
				case len(info.Sends) > 0 || info.Generic && fl.session:
					r = codeset.All() // a new reply
				case fl.kills(info):
					r = codeset.Set{}
				}
			}
			if r != fl.reachOut[i] {
				fl.reachOut[i] = r
				changed = true
			}
		}
	}
}

// backward computes resend, in passes over the blocks in postorder until
// nothing changes.
func (fl *flow) backward(rpo []*cfg.Block) {
	for changed := true; changed; {
		changed = false
		for k := len(rpo) - 1; k >= 0; k-- {
			b := rpo[k]
			var r codeset.Set
			for j, s := range fl.succs[b.Index] {
				r = r.Union(fl.edge(b, j, fl.resendIn[s.Index]))
			}
			for j := len(b.Nodes) - 1; j >= 0; j-- {
				info := fl.f.Info(b.Nodes[j])
				switch {
				case len(info.Sends) > 0 && !(fl.kills(info) && !fl.session), info.Generic && fl.session:
					r = codeset.All() // the slice goes out again
				case fl.kills(info):
					r = codeset.Set{}
				}
			}
			if fl.killsOnEntry(b) {
				r = codeset.Set{}
			}
			if r != fl.resendIn[b.Index] {
				fl.resendIn[b.Index] = r
				changed = true
			}
		}
	}
}

// A finding is a retry found on an edge.
type finding struct {
	at    ast.Node
	named []upload.NamedCode // a plain retry of named codes; nil for a blanket one
}

// findRetries turns the edges that retry reupload codes into diagnostics: a
// named reupload code whose edge can reach a send in the same session (the
// session flow), a blanket test whose failure edge admits every reupload
// code and can resend the same slice for each (the same-slice flow). A
// loop with a plain retry gets no blanket report as well.
func findRetries(same, session *flow) []analysis.Diagnostic {
	reupload := codeset.Reupload()
	f := same.f
	var plain []finding
	plainLoops := make(map[ast.Node]bool)
	blanket := make(map[ast.Node]finding) // one per loop, the first
	for _, b := range same.blocks {
		type edge struct {
			c      upload.Cond
			reach  [2]codeset.Set // same slice, same session
			resend [2]codeset.Set
		}
		var edges []edge
		if c := f.Cond(b); c != nil {
			for i, e := range []upload.Cond{c.Then, c.Else} {
				if i >= len(b.Succs) || i == 1 && c.CaseValue {
					continue
				}
				s := b.Succs[i].Index
				edges = append(edges, edge{e,
					[2]codeset.Set{e.Filter(same.reachOut[b.Index]), e.Filter(session.reachOut[b.Index])},
					[2]codeset.Set{same.resendIn[s], session.resendIn[s]}})
			}
		}
		if c, ok := f.Entry(b); ok {
			edges = append(edges, edge{c,
				[2]codeset.Set{same.reachIn[b.Index], session.reachIn[b.Index]},
				[2]codeset.Set{same.resendIn[b.Index], session.resendIn[b.Index]}})
		}
		for _, e := range edges {
			if bug := e.reach[1].Inter(e.resend[1]).Inter(reupload); !bug.Empty() {
				if named := e.c.Named(bug); len(named) > 0 {
					plain = append(plain, groupNamed(named)...)
					plainLoops[same.loopOf(named[0].Expr.Pos())] = true
					continue
				}
			}
			sel := e.c.Sel()
			if e.c.Mentions() && !e.c.Opaque() && sel.Contains(reupload) && !sel.Contains(codeset.Success()) &&
				e.reach[0].Contains(reupload) && e.resend[0].Contains(reupload) && len(e.c.Named(reupload)) == 0 {
				loop := same.loopOf(e.c.At().Pos())
				if prev, ok := blanket[loop]; !ok || e.c.At().Pos() < prev.at.Pos() {
					blanket[loop] = finding{at: e.c.At()}
				}
			}
		}
	}
	var out []analysis.Diagnostic
	seen := make(map[token.Pos]bool)
	for _, p := range plain {
		if !seen[p.at.Pos()] {
			seen[p.at.Pos()] = true
			out = append(out, analysis.Diagnostic{Pos: p.at.Pos(), End: p.at.End(), Message: plainRetryMessage(p.named), Related: same.relatedOf(p.at.Pos())})
		}
	}
	for loop, p := range blanket {
		if !plainLoops[loop] && !seen[p.at.Pos()] {
			seen[p.at.Pos()] = true
			out = append(out, analysis.Diagnostic{Pos: p.at.Pos(), End: p.at.End(), Message: blanketRetryMessage(), Related: same.relatedOf(p.at.Pos())})
		}
	}
	return out
}

// groupNamed makes one finding per expression: a case value, an equality
// operand, or a classifier call naming several codes.
func groupNamed(named []upload.NamedCode) []finding {
	var out []finding
	index := make(map[ast.Expr]int)
	for _, n := range named {
		i, ok := index[n.Expr]
		if !ok {
			i = len(out)
			index[n.Expr] = i
			out = append(out, finding{at: n.Expr})
		}
		out[i].named = append(out[i].named, n)
	}
	return out
}

// loopOf returns the innermost loop of f's body around the node at pos,
// or the function's node when there is none (a goto, recursion, a retry
// library).
func (fl *flow) loopOf(pos token.Pos) ast.Node {
	if fl.loops == nil {
		fl.loops = loopsOf(fl.f.Body)
	}
	if l, ok := fl.loops[pos]; ok {
		return l
	}
	return fl.f.Node()
}

// loopsOf maps the position of every expression of a body (not of the
// literals in it) that some loop encloses to the innermost such loop, in
// one walk.
func loopsOf(body *ast.BlockStmt) map[token.Pos]ast.Node {
	loops := make(map[token.Pos]ast.Node)
	var nodes, open []ast.Node // the nodes being walked, the loops among them
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			top := nodes[len(nodes)-1]
			nodes = nodes[:len(nodes)-1]
			if len(open) > 0 && open[len(open)-1] == top {
				open = open[:len(open)-1]
			}
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		nodes = append(nodes, n)
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			open = append(open, n)
		}
		if _, ok := n.(ast.Expr); ok && len(open) > 0 {
			if _, seen := loops[n.Pos()]; !seen {
				loops[n.Pos()] = open[len(open)-1]
			}
		}
		return true
	})
	return loops
}

// relatedOf names what sends the slice again, once per loop.
func (fl *flow) relatedOf(pos token.Pos) []analysis.RelatedInformation {
	loop := fl.loopOf(pos)
	if r, ok := fl.related[loop]; ok {
		return r
	}
	if fl.related == nil {
		fl.related = make(map[ast.Node][]analysis.RelatedInformation)
	}
	msg := "the slice-upload loop"
	var end token.Pos
	switch l := loop.(type) {
	case *ast.ForStmt:
		end = l.Body.Lbrace
	case *ast.RangeStmt:
		end = l.Body.Lbrace
	default:
		end = fl.f.Body.Lbrace
		switch {
		case fl.f.Retried != 0:
			msg = "the function a retry library calls again when it returns an error"
		case fl.f.Obj != nil && fl.callsItself():
			msg = "the function that sends the slice again by calling itself"
		default:
			msg = "the function that goes back to the send"
		}
	}
	r := []analysis.RelatedInformation{{Pos: loop.Pos(), End: end, Message: msg}}
	fl.related[loop] = r
	return r
}

// callsItself reports whether the function sends its slice again by
// calling itself.
func (fl *flow) callsItself() bool {
	found := false
	ast.Inspect(fl.f.Body, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok {
			for _, s := range fl.f.Info(ret).Sends {
				found = found || typeutil.StaticCallee(fl.pass.TypesInfo, s) == fl.f.Obj
			}
		}
		return !found
	})
	return found
}

func plainRetryMessage(named []upload.NamedCode) string {
	vs := make([]int, len(named))
	for i, n := range named {
		vs[i] = n.Value
	}
	if via := named[0].Via; via != "" {
		noun, pronoun := "code", "it"
		if len(vs) > 1 {
			noun, pronoun = "codes", "them"
		}
		return fmt.Sprintf("%s answers yes for reupload %s %s, so this retry resends in a broken upload session: handle %s first and %s", via, noun, describeSome(codeset.Preferred(vs)), pronoun, upload.Remedy)
	}
	return fmt.Sprintf("reupload code %s handled as a plain retry in the same upload session: %s", describe(vs[0]), upload.Remedy)
}

func blanketRetryMessage() string {
	return fmt.Sprintf("slice resent in the same upload session on every failure code, including reupload codes such as %s: handle those first and %s", describe(codeset.Preferred(codeset.Reupload().Values())[0]), upload.Remedy)
}
