package swallowed

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// A loop that resends a failed slice in place (for offset < size { send;
// if failed { continue }; offset += n }) does not leave through its
// condition after the failure: the condition held when the round began,
// and nothing it reads has changed since. Without this, every such loop
// would seem to reach the return after it with the failure.
//
// Each loop condition that reads only local variables, none of them
// captured by a function literal or with its address taken, gets a bit;
// a mask of "unsure" bits has the conditions not known to hold: set at
// the entry, cleared on the edge into the loop's body, set again by a
// node that assigns one of the condition's variables. A loop's exit edge
// is not taken where its condition is known to hold. Like freshness, the
// mask is computed over the whole graph (out) for the point where a
// failure is taken, then carried along the failure's own paths
// (state.unsure), so that the entry path, where nothing is known, does
// not lend its doubt to the path of a failure in the loop.

type loopConds struct {
	bit  map[int32]uint64            // the loop-condition blocks, by index
	vars map[types.Object]uint64     // the conditions each variable is read by
	sets map[ast.Node][]types.Object // the local variables each node assigns
	all  uint64
	in   []uint64 // the unsure conditions at each block's start, over all paths
	out  []uint64 // and at its end
}

func newLoopConds(info *types.Info, f *upload.Func) *loopConds {
	lc := &loopConds{bit: make(map[int32]uint64), vars: make(map[types.Object]uint64), sets: make(map[ast.Node][]types.Object)}
	escaped := escapedVars(info, f.Body)
	for _, b := range f.Graph.Blocks {
		if b.Kind != cfg.KindForLoop || len(b.Succs) != 2 || len(b.Nodes) == 0 || len(lc.bit) == 64 {
			continue
		}
		cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
		if !ok {
			continue
		}
		objs, ok := localReads(info, f, cond, escaped)
		if !ok || len(objs) == 0 {
			continue
		}
		bit := uint64(1) << len(lc.bit)
		lc.bit[b.Index] = bit
		lc.all |= bit
		for _, obj := range objs {
			lc.vars[obj] |= bit
		}
	}
	if lc.all == 0 {
		return lc
	}
	for _, b := range f.Graph.Blocks {
		for _, n := range b.Nodes {
			lc.sets[n] = assignedVars(info, n)
		}
	}
	return lc
}

// localReads returns the variables cond reads, if they are all local
// variables of f that do not escape; ok is false otherwise (a field, a
// global, a call: the condition may change behind the path's back).
func localReads(info *types.Info, f *upload.Func, cond ast.Expr, escaped map[types.Object]bool) (objs []types.Object, ok bool) {
	ok = true
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, isConv := info.Types[n.Fun]; isConv && tv.IsType() {
				return true
			}
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); isIdent {
				if b, isBuiltin := info.Uses[id].(*types.Builtin); isBuiltin && (b.Name() == "len" || b.Name() == "cap") {
					return true
				}
			}
			ok = false
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.FuncLit:
			ok = false
		case *ast.Ident:
			switch obj := info.Uses[n].(type) {
			case *types.Var:
				if escaped[obj] || obj.Pos() < f.Body.Pos() && !isParam(f, obj) || obj.Pos() >= f.Body.End() {
					ok = false
				}
				objs = append(objs, obj)
			case *types.Const, *types.TypeName, *types.Nil, *types.Builtin, nil:
			default:
				ok = false
			}
		}
		return ok
	})
	return objs, ok
}

func isParam(f *upload.Func, v *types.Var) bool {
	if f.Sig == nil {
		return false
	}
	for i := range f.Sig.Params().Len() {
		if f.Sig.Params().At(i) == v {
			return true
		}
	}
	return false
}

// escapedVars returns the variables of body whose address is taken or
// that a function literal refers to.
func escapedVars(info *types.Info, body *ast.BlockStmt) map[types.Object]bool {
	out := make(map[types.Object]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					out[info.Uses[id]] = true
				}
			}
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						out[v] = true
					}
				}
				return true
			})
			return false
		}
		return true
	})
	return out
}

// assignedVars returns the variables node n assigns (=, :=, op=, ++, a
// var declaration, a range clause).
func assignedVars(info *types.Info, n ast.Node) []types.Object {
	var out []types.Object
	add := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj := info.ObjectOf(id); obj != nil {
				out = append(out, obj)
			}
		}
	}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				add(l)
			}
		case *ast.IncDecStmt:
			add(x.X)
		case *ast.ValueSpec:
			for _, name := range x.Names {
				add(name)
			}
		case *ast.RangeStmt:
			if x.Key != nil {
				add(x.Key)
			}
			if x.Value != nil {
				add(x.Value)
			}
		}
		return true
	})
	return out
}

// step returns the conditions not known to hold after node n.
func (lc *loopConds) step(n ast.Node, unsure uint64) uint64 {
	for _, v := range lc.sets[n] {
		unsure |= lc.vars[v]
	}
	return unsure
}

// edge returns the conditions not known to hold on the edge from block b
// to its i'th successor, and whether the edge can be taken at all.
func (lc *loopConds) edge(b *cfg.Block, i int, unsure uint64) (uint64, bool) {
	bit, ok := lc.bit[b.Index]
	if !ok {
		return unsure, true
	}
	if i == 0 {
		return unsure &^ bit, true // into the body: the condition holds
	}
	return unsure, unsure&bit != 0 // out of the loop: only if it may not hold
}

// solve computes out: the conditions not known to hold at the end of
// each block, over all the paths that reach it.
func (lc *loopConds) solve(blocks []*cfg.Block, ins [][]edgeIn, rpo []*cfg.Block) {
	lc.in, lc.out = make([]uint64, len(blocks)), make([]uint64, len(blocks))
	if lc.all == 0 {
		return
	}
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			var m uint64
			if b.Index == 0 {
				m = lc.all
			}
			for _, e := range ins[b.Index] {
				if u, taken := lc.edge(blocks[e.pred], e.i, lc.out[e.pred]); taken {
					m |= u
				}
			}
			lc.in[b.Index] |= m
			for _, n := range b.Nodes {
				m = lc.step(n, m)
			}
			if m |= lc.out[b.Index]; m != lc.out[b.Index] {
				lc.out[b.Index] = m
				changed = true
			}
		}
	}
}

// onEdge returns the conditions not known to hold, over all paths, on
// the edge from b to its i'th successor.
func (lc *loopConds) onEdge(b *cfg.Block, i int) uint64 {
	u, _ := lc.edge(b, i, lc.out[b.Index])
	return u
}
