package upload

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// A position (the offset, the index of the slice) often moves on through
// another variable: next := offset + n, ..., offset = next. Whether such an
// assignment gives the position a new value depends on the path: on the way
// from next := offset + n it does; after a continue that skipped
// offset = next, the next := offset + n at the top of the loop computes
// the same next again. So it is decided on the function's graph, for each
// position assigned that way, by a forward dataflow of how the values of
// the integers it is computed from stand to its current one.

// A rel is how a value stands to the current value of one position, as a
// set over the paths that reach a point.
type rel uint8

const (
	relSame      rel = 1 << iota // a copy of it (at := offset)
	relMoved                     // computed from it: another position (next := offset + n)
	relStale                     // computed from an earlier value, or the position from it: unknown
	relUnrelated                 // computed from neither (a parameter, len(data), a constant)
)

// Bounds on the work for one function: the dataflow runs for at most
// maxPositions positions, each following at most maxPeers variables;
// beyond them an assignment from another variable is taken for a rebuild,
// as it was before the dataflow. Real slice loops have one or two
// positions and a handful of variables around them.
const (
	maxPositions = 8
	maxPeers     = 64
)

// positionMoves holds one function's dataflows: for each position, the
// left-hand sides of the assignments that move it past its value.
type positionMoves struct {
	of map[types.Object]map[ast.Expr]bool
}

// movesPast reports whether assigning rhs to lhs, a position (an integer
// the slice sends are built from) that rhs does not read, moves it on:
// rhs copies a variable whose value was computed from the position's
// current value on some path and from unrelated values on the others
// (next := offset + n, or end := offset + n; if end > size { end = size
// }, then offset = next), and on no path a copy of the position itself or
// a value computed from an earlier one. So offset = at (at := offset) and
// offset = acked (acked = end; offset = acked before it) do not: they may
// be the same slice. Any other value from other variables is a rebuild.
func (pr *protocol) movesPast(f *Func, pos types.Object, lhs, rhs ast.Expr) bool {
	if !isInteger(pos.Type()) {
		return false
	}
	if src, _ := pr.copySource(rhs); src == nil || src == pos {
		return false
	}
	if f.moves == nil {
		f.moves = &positionMoves{of: make(map[types.Object]map[ast.Expr]bool)}
	}
	m, ok := f.moves.of[pos]
	if !ok {
		if len(f.moves.of) < maxPositions {
			m = newRelFlow(pr, f, pos).run()
		}
		f.moves.of[pos] = m
	}
	return m[lhs]
}

// A relFlow is the dataflow for one position: at each point, for each of
// the variables its value is computed from (its peers), how their value
// stands to the position's current one.
type relFlow struct {
	pr    *protocol
	f     *Func
	pos   types.Object
	index map[types.Object]int // the peers
}

func newRelFlow(pr *protocol, f *Func, pos types.Object) *relFlow {
	fl := &relFlow{pr: pr, f: f, pos: pos, index: make(map[types.Object]int)}
	// The peers: the integers pos is computed from, transitively.
	stack := []types.Object{pos}
	seen := map[types.Object]bool{pos: true}
	for len(stack) > 0 {
		obj := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, from := range f.values.into[obj] {
			if !seen[from] && isInteger(from.Type()) {
				seen[from] = true
				fl.index[from] = len(fl.index)
				stack = append(stack, from)
			}
		}
	}
	return fl
}

// run computes the states to a fixed point in passes over the blocks in
// reverse postorder, then reads the assignments to the position once.
func (fl *relFlow) run() map[ast.Expr]bool {
	if len(fl.index) > maxPeers {
		return nil
	}
	blocks := fl.f.Graph.Blocks
	rpo := Order(blocks, func(b *cfg.Block) []*cfg.Block { return b.Succs })
	preds := make([][]*cfg.Block, len(blocks))
	for _, b := range rpo {
		for _, s := range b.Succs {
			preds[s.Index] = append(preds[s.Index], b)
		}
	}
	out := make([][]rel, len(blocks)) // nil: not reached yet
	in := func(b *cfg.Block) []rel {
		s := make([]rel, len(fl.index))
		if b.Index == 0 {
			for i := range s {
				s[i] = relUnrelated
			}
		}
		for _, p := range preds[b.Index] {
			for i, r := range out[p.Index] {
				s[i] |= r
			}
		}
		fl.rangeStep(s, b)
		return s
	}
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			s := in(b)
			for _, n := range b.Nodes {
				fl.step(s, n, nil)
			}
			if out[b.Index] == nil || !slices.Equal(s, out[b.Index]) {
				out[b.Index] = s
				changed = true
			}
		}
	}
	moves := make(map[ast.Expr]bool)
	for _, b := range rpo {
		s := in(b)
		for _, n := range b.Nodes {
			fl.step(s, n, moves)
		}
	}
	return moves
}

// get returns how obj stands to the position in s: the position is
// itself, a variable it is not computed from is unrelated.
func (fl *relFlow) get(s []rel, obj types.Object) rel {
	if obj == fl.pos {
		return relSame
	}
	if i, ok := fl.index[obj]; ok {
		return s[i]
	}
	return relUnrelated
}

// step applies a node's assignments to s; with moves non-nil, it records
// the assignments that move the position past its value.
func (fl *relFlow) step(s []rel, n ast.Node, moves map[ast.Expr]bool) {
	info := fl.pr.pass.TypesInfo
	type write struct {
		lhs  ast.Expr
		val  rel
		src  types.Object   // the variable it copies, if any
		from []types.Object // what the value is computed from
	}
	var writes []write
	switch n := n.(type) {
	case *ast.AssignStmt:
		for lhs, rhs := range assignments(n.Lhs, n.Rhs) {
			w := write{lhs: lhs, val: relUnrelated}
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE: // x += n
				w.from = append(reads(info, rhs), location(info, lhs))
				w.val = fl.computed(s, w.from)
			case rhs != nil:
				w.val, w.src, w.from = fl.value(s, rhs)
			}
			writes = append(writes, w)
		}
	case *ast.ValueSpec:
		for lhs, rhs := range assignments(names(n), n.Values) {
			w := write{lhs: lhs, val: relUnrelated}
			if rhs != nil {
				w.val, w.src, w.from = fl.value(s, rhs)
			}
			writes = append(writes, w)
		}
	case *ast.IncDecStmt:
		from := []types.Object{location(info, n.X)}
		writes = append(writes, write{lhs: n.X, val: fl.computed(s, from), from: from})
	}
	for _, w := range writes {
		loc := location(info, w.lhs)
		if loc == fl.pos {
			if moves != nil && w.src != nil && w.val&relMoved != 0 && w.val&(relSame|relStale) == 0 {
				moves[w.lhs] = true
			}
			// The position has a new value: what stood to the old one,
			// and what the new one is computed from, stand to it in a way
			// the flow does not follow; a variable it copies is it.
			for i, r := range s {
				if r&(relSame|relMoved) != 0 {
					s[i] = r&^(relSame|relMoved) | relStale
				}
			}
			for _, obj := range w.from {
				if i, ok := fl.index[obj]; ok {
					s[i] = relStale
				}
			}
			if i, ok := fl.index[w.src]; ok {
				s[i] = relSame
			}
			continue
		}
		if i, ok := fl.index[loc]; ok {
			s[i] = w.val
		}
	}
}

// rangeStep applies, on entry to the body of a range loop, the
// assignment of the next element to its key and value.
func (fl *relFlow) rangeStep(s []rel, b *cfg.Block) {
	rs, ok := b.Stmt.(*ast.RangeStmt)
	if !ok || b.Kind != cfg.KindRangeBody {
		return
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e != nil {
			fl.step(s, &ast.AssignStmt{Lhs: []ast.Expr{e}, Tok: token.ASSIGN, Rhs: []ast.Expr{nil}}, nil)
		}
	}
}

// value returns how the value of rhs stands to the position, the variable
// it copies if it is a copy, and what it reads.
func (fl *relFlow) value(s []rel, rhs ast.Expr) (rel, types.Object, []types.Object) {
	if src, e := fl.pr.copySource(rhs); src != nil {
		return fl.get(s, src), src, []types.Object{src}
	} else if e == nil {
		return relUnrelated, nil, nil // a constant
	}
	from := reads(fl.pr.pass.TypesInfo, rhs)
	return fl.computed(s, from), nil, from
}

// copySource returns the variable an expression copies (next,
// int64(next), c.next), or nil and the expression when it computes a
// value, or nil and nil for a constant.
func (pr *protocol) copySource(rhs ast.Expr) (types.Object, ast.Expr) {
	info := pr.pass.TypesInfo
	if info.Types[rhs].Value != nil {
		return nil, nil
	}
	e := ast.Unparen(rhs)
	for {
		c, ok := e.(*ast.CallExpr)
		if !ok || len(c.Args) != 1 || !info.Types[c.Fun].IsType() {
			break
		}
		e = ast.Unparen(c.Args[0]) // int64(next)
	}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if src, ok := location(info, e).(*types.Var); ok {
			return src, e
		}
	}
	return nil, rhs
}

// computed is the rel of a value computed (not copied) from the given
// variables: moved on a path where one of them is the position or stands
// to it, stale where one of them is stale, unrelated where all are.
func (fl *relFlow) computed(s []rel, from []types.Object) rel {
	var r rel
	all := true
	for _, obj := range from {
		x := fl.get(s, obj)
		if x&(relSame|relMoved) != 0 {
			r |= relMoved
		}
		r |= x & relStale
		if x&relUnrelated == 0 {
			all = false
		}
	}
	if all {
		r |= relUnrelated
	}
	return r
}
func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
