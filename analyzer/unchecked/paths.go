package unchecked

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// The check is a property of paths on the function's control-flow graph:
// a slice's answer is unchecked when some path from its send reaches the
// next slice send, or upload_slice_finish, through no node that looks at
// the answer (package upload says which nodes look at which variables:
// a test, a return, a value kept or handed on). One search per send,
// which stops at the first node that looks or sends.

// A place is a node of the graph: its block, and its index there.
type place struct {
	b *cfg.Block
	i int
}

// uncheckedSends returns the diagnostics for f's slice sends whose answer
// the next send can overtake.
//
// A reply whose code the function never tests (package upload,
// UntestedCalls) is not looked at by a test: a loop that tests only the
// transport's error and the reply's address (forhappy's files/v1 client)
// sends the next slice after a refused one. Returning it, keeping it or
// handing it on still counts.
func uncheckedSends(untested map[*ast.CallExpr]bool, f *upload.Func) []analysis.Diagnostic {
	var at map[*ast.CallExpr]place
	var out []analysis.Diagnostic
	for _, a := range f.Answers() {
		if !a.Slice || a.Used {
			continue
		}
		if at == nil {
			at = callPlaces(f.Graph)
		}
		p, ok := at[a.Call]
		if !ok {
			continue
		}
		if next, ok := overtaken(f, a, p, untested[a.Call]); ok {
			out = append(out, diagnostic(f, a, next))
		}
	}
	return out
}

// callPlaces maps the calls of a graph's nodes to their nodes.
func callPlaces(g *cfg.CFG) map[*ast.CallExpr]place {
	out := make(map[*ast.CallExpr]place)
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				switch x := x.(type) {
				case *ast.FuncLit:
					return false
				case *ast.CallExpr:
					out[x] = place{b, i}
				}
				return true
			})
		}
	}
	return out
}

// overtaken searches the paths from the send at p for a node that sends
// the next slice or finishes the upload before any node looks at the
// answer, and returns that node. A variable of the answer that a path
// overwrites (n, err := file.ReadAt(...) reusing the send's err) no
// longer holds it there: the search's state is the block and the set of
// the answer's variables overwritten on the way, few enough to keep the
// search small.
func overtaken(f *upload.Func, a *upload.Answer, p place, untested bool) (ast.Node, bool) {
	vars := a.Vars()
	if len(vars) > maxTracked {
		vars = vars[:maxTracked]
	}
	type item struct {
		b    *cfg.Block
		from int
		gone uint8 // vars (bit i) overwritten on the way
	}
	type key struct {
		b    *cfg.Block
		gone uint8
	}
	seen := make(map[key]bool)
	stack := []item{{p.b, p.i + 1, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		done := false
		for _, n := range it.b.Nodes[it.from:] {
			if looksAt(f, n, a, vars, it.gone, untested) {
				done = true
				break
			}
			if info := f.Info(n); len(info.Sends) > 0 || info.Finishes {
				return n, true
			}
			for i, v := range vars {
				if f.Overwrites(n, v, a) {
					it.gone |= 1 << i
				}
			}
		}
		if done {
			continue
		}
		if len(it.b.Succs) == 0 && droppedAtExit(f) {
			return f.Lit.Body, true // the literal ends: nobody can look at the answer any more
		}
		for i, s := range it.b.Succs {
			if untested && failureEdge(f, a, it.b, i) {
				continue // err != nil: the request failed on the way, and that is looked at
			}
			if k := (key{s, it.gone}); !seen[k] {
				seen[k] = true
				stack = append(stack, item{s, 0, it.gone})
			}
		}
	}
	return nil, false
}

// failureEdge reports whether edge i of block b is the one a condition on
// an error of the answer takes when the request failed on the way (the
// then of `if err != nil`): for an answer whose code is untested, that
// branch has no code to test, and the error was looked at.
func failureEdge(f *upload.Func, a *upload.Answer, b *cfg.Block, i int) bool {
	c := f.Cond(b)
	if c == nil || i >= 2 || !c.Failed[i] || c.Failed[1-i] || len(b.Nodes) == 0 {
		return false
	}
	for _, obj := range f.Looks(b.Nodes[len(b.Nodes)-1]) {
		if a.Holds(obj) && exprinfo.IsError(obj.Type()) {
			return true
		}
	}
	return false
}

// droppedAtExit reports whether an answer not looked at when f ends is
// lost: f is a function literal with no results (go func() { send(...)
// }()), whose variables nobody else reads.
func droppedAtExit(f *upload.Func) bool {
	return f.Lit != nil && f.Sig != nil && f.Sig.Results().Len() == 0
}

// maxTracked bounds the answer's variables whose overwriting the search
// follows (those beyond are taken as never overwritten).
const maxTracked = 8

// looksAt reports whether node n looks at the answer, in one of its
// variables not overwritten on the way (bits of gone, over vars); for an
// answer whose code is untested, only by returning, keeping or handing it
// on.
func looksAt(f *upload.Func, n ast.Node, a *upload.Answer, vars []types.Object, gone uint8, untested bool) bool {
	looks := f.Looks(n)
	if _, isReturn := n.(*ast.ReturnStmt); untested && !isReturn {
		looks = f.Keeps(n) // its tests read no code
	}
	for _, obj := range looks {
		if !a.Holds(obj) {
			continue
		}
		if i := slices.Index(vars, obj); i >= 0 && gone&(1<<i) != 0 {
			continue
		}
		return true
	}
	return false
}
