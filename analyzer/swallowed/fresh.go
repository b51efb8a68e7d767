package swallowed

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// A return carries the reply to the caller only if what it returns holds
// the last reply, the one whose failure is live: `return last, nil`, with
// last the reply of an earlier slice that succeeded, tells the caller
// nothing of the failure. Which variables may hold the last reply is a
// forward "may" dataflow, with a bit per variable that holds an answer
// (64 at most; those beyond are taken as always fresh). Computed over the
// whole graph, it gives the fresh variables where a failure is taken;
// the failure flow then carries them along its own paths (state.fresh),
// so that a path with no failure does not lend its fresh variables to
// one with a failure. The steps:
//   - a node that sends a request makes the variables it puts the answer
//     in fresh, and every other variable of an answer stale;
//   - an assignment makes its variables fresh when their new value is
//     computed from a fresh one, stale otherwise;
//   - a builder that writes into a variable from a fresh one
//     (json.Unmarshal(raw, resp)) makes it fresh.

type freshness struct {
	f   *upload.Func
	bit map[types.Object]uint64
	all uint64 // the bits of every tracked variable
	req map[ast.Node]uint64
	in  []uint64
	out []uint64
}

func newFreshness(f *upload.Func, blocks []*cfg.Block, ins [][]edgeIn, rpo []*cfg.Block) *freshness {
	fr := &freshness{f: f, bit: make(map[types.Object]uint64), req: make(map[ast.Node]uint64)}
	for _, a := range f.Answers() {
		for _, v := range a.Vars() {
			if _, ok := fr.bit[v]; !ok && len(fr.bit) < 64 {
				fr.bit[v] = 1 << len(fr.bit)
				fr.all |= fr.bit[v]
			}
		}
	}
	direct := make(map[*ast.CallExpr]uint64)
	for _, a := range f.Answers() {
		direct[a.Call] |= fr.mask(a.Direct)
	}
	for _, b := range blocks {
		for _, n := range b.Nodes {
			if !f.Info(n).Requests {
				continue
			}
			var m uint64
			ast.Inspect(n, func(x ast.Node) bool {
				if _, ok := x.(*ast.FuncLit); ok {
					return false
				}
				if call, ok := x.(*ast.CallExpr); ok {
					m |= direct[call]
				}
				return true
			})
			fr.req[n] = m
		}
	}
	fr.in = make([]uint64, len(blocks))
	fr.out = make([]uint64, len(blocks))
	out := fr.out
	for changed := true; changed; {
		changed = false
		for _, b := range rpo {
			var m uint64
			for _, e := range ins[b.Index] {
				m |= out[e.pred]
			}
			fr.in[b.Index] = m
			for _, n := range b.Nodes {
				m = fr.step(n, m)
			}
			if m |= out[b.Index]; m != out[b.Index] {
				out[b.Index] = m
				changed = true
			}
		}
	}
	return fr
}

func (fr *freshness) mask(objs []types.Object) uint64 {
	var m uint64
	for _, o := range objs {
		m |= fr.bit[o]
	}
	return m
}

// step returns the fresh variables after node n, m before it.
func (fr *freshness) step(n ast.Node, m uint64) uint64 {
	if r, ok := fr.req[n]; ok {
		m = m&^fr.all | r
	}
	vars, from := fr.f.Assigns(n)
	if assigned := fr.mask(vars); assigned != 0 {
		if _, isReq := fr.req[n]; isReq {
			// the answer's own variables were made fresh above
		} else if fr.mask(from)&m != 0 {
			m |= assigned
		} else {
			m &^= assigned
		}
	}
	into, intoFrom := fr.f.WritesInto(n)
	if fr.mask(intoFrom)&m != 0 {
		m |= fr.mask(into)
	}
	return m
}

// holds reports whether e reads a variable that may hold the last reply,
// m being the fresh variables where e is evaluated.
func (fr *freshness) holds(info *types.Info, e ast.Expr, m uint64) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			obj := info.Uses[id]
			if b, tracked := fr.bit[obj]; tracked && b&m != 0 {
				found = true
			} else if !tracked && obj != nil {
				for _, a := range fr.f.Answers() {
					found = found || a.Holds(obj)
				}
			}
		}
		return !found
	})
	return found
}
