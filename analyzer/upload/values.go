package upload

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// The request a function sends and the reply it gets are followed through
// its local data flow, a graph of which variables (and fields) are
// computed from which. It is flow-insensitive: x depends on y when some
// assignment of x reads y. That is enough to say what a request is built
// from, and it is linear in the size of the function.

// A field is a form field of a request that the protocol gives a meaning.
type field uint8

const (
	fieldSession field = 1 << iota
	fieldOffset
	fieldContent // filecontent
	fieldOpen    // filesize, sha, slice_size: what the files/v1 opener sends
)

// fieldKeys maps the form keys of the API to fields.
var fieldKeys = map[string]field{
	"session":     fieldSession,
	"offset":      fieldOffset,
	"filecontent": fieldContent,
	"filesize":    fieldOpen,
	"sha":         fieldOpen,
	"slice_size":  fieldOpen,
}

// request is what the values reaching an object say about the request
// built from them.
type request struct {
	ops    cosapi.OpSet // v2 op strings
	v1     bool         // the files/v1 op string upload_slice
	fields field
}

func (r request) union(s request) request {
	return request{r.ops | s.ops, r.v1 || s.v1, r.fields | s.fields}
}

// opsSent returns the operations a request built from these values sends:
// the v2 op strings it names, or for files/v1's one op string, the step
// its fields make of it (with a session: a slice; with the file's size or
// SHA and no session: the opener).
func (r request) opsSent() cosapi.OpSet {
	ops := r.ops
	if r.v1 {
		switch {
		case r.fields&fieldSession != 0:
			ops |= cosapi.OpData
		case r.fields&fieldOpen != 0:
			ops |= cosapi.OpInit
		}
	}
	return ops
}

// valueGraph is one function's local data flow.
type valueGraph struct {
	into  map[types.Object][]types.Object // an object, and the objects its assignments read
	seeds map[types.Object]request        // what constants assigned to an object name
	reply map[types.Object]bool           // objects assigned what a send answered, directly or not
	// sessionFromReply holds the objects some assignment gives the session
	// field of a reply (sid = resp.Data.Session): the same session.
	sessionFromReply map[types.Object]bool

	req map[types.Object]request // seeds propagated along into: computed by propagate

	// derived maps an object to those computed from its value, for
	// following an answer forward: assignments, and what a builder
	// writes into its arguments from its other arguments
	// (json.Unmarshal(raw, &resp)). Narrower than into: a buffer made to
	// a size (make([]byte, n)) and the reader a buffer is read from hold
	// none of the value.
	derived map[types.Object][]types.Object
}

func newValueGraph() *valueGraph {
	return &valueGraph{
		into:             make(map[types.Object][]types.Object),
		seeds:            make(map[types.Object]request),
		reply:            make(map[types.Object]bool),
		sessionFromReply: make(map[types.Object]bool),
		derived:          make(map[types.Object][]types.Object),
	}
}

func (g *valueGraph) flow(from, to types.Object) {
	if from != nil && to != nil && from != to {
		g.into[to] = append(g.into[to], from)
	}
}

func (g *valueGraph) derive(from, to types.Object) {
	if from != nil && to != nil && from != to {
		g.derived[from] = append(g.derived[from], to)
	}
}

func (g *valueGraph) seed(obj types.Object, r request) {
	if obj != nil && r != (request{}) {
		g.seeds[obj] = g.seeds[obj].union(r)
	}
}

// propagate computes req: the seeds of every object and of all the
// objects it is computed from. A worklist over the graph's edges, which
// may form cycles (a writer and its buffer): each object's request only
// grows, and has a few bits, so each edge is followed a few times.
func (g *valueGraph) propagate() {
	g.req = make(map[types.Object]request, len(g.seeds))
	out := make(map[types.Object][]types.Object)
	for to, froms := range g.into {
		for _, from := range froms {
			out[from] = append(out[from], to)
		}
	}
	var queue []types.Object
	for obj, r := range g.seeds {
		g.req[obj] = r
		queue = append(queue, obj)
	}
	for len(queue) > 0 {
		obj := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		r := g.req[obj]
		for _, to := range out[obj] {
			if nr := g.req[to].union(r); nr != g.req[to] {
				g.req[to] = nr
				queue = append(queue, to)
			}
		}
	}
}

// sources returns the objects the given ones are computed from, them
// included, without going through replies: a session re-read from a reply
// is no part of the request's making.
func (g *valueGraph) sources(objs []types.Object) map[types.Object]bool {
	out := make(map[types.Object]bool)
	stack := append([]types.Object(nil), objs...)
	for len(stack) > 0 {
		obj := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[obj] || g.reply[obj] {
			continue
		}
		out[obj] = true
		stack = append(stack, g.into[obj]...)
	}
	return out
}

// reads returns the objects an expression reads: variables, and the
// fields of selectors (u.offset reads u and offset). The function a call
// calls is no value read, but a method's receiver is; function literals
// are their own functions.
func reads(info *types.Info, e ast.Expr) []types.Object {
	var out []types.Object
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			switch fun := ast.Unparen(n.Fun).(type) {
			case *ast.SelectorExpr:
				if _, isMethod := info.Selections[fun]; isMethod {
					ast.Inspect(fun.X, walk)
				}
			case *ast.Ident:
				if _, isVar := info.Uses[fun].(*types.Var); isVar {
					out = append(out, info.Uses[fun]) // a func-typed variable
				}
			default:
				ast.Inspect(fun, walk)
			}
			for _, a := range n.Args {
				ast.Inspect(a, walk)
			}
			return false
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal {
				out = append(out, sel.Obj())
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok {
				out = append(out, v)
			}
		}
		return true
	}
	if e != nil {
		ast.Inspect(e, walk)
	}
	return out
}

// location returns the object an assignment to lhs writes: the variable,
// the field of a selector (u.offset), or the variable at the root of an
// index or dereference (m["k"], *p).
func location(info *types.Info, lhs ast.Expr) types.Object {
	switch e := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if e.Name == "_" {
			return nil
		}
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return info.Uses[e.Sel]
	}
	if id := exprinfo.RootIdent(lhs); id != nil {
		return info.ObjectOf(id)
	}
	return nil
}

// constRequest returns what the string constants in an expression say of
// a request: op strings, and the form keys of a query string
// ("op=upload_slice_data&session=%s").
func constRequest(info *types.Info, e ast.Node) request {
	var r request
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		tv, ok := info.Types[x]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return true
		}
		r = r.union(stringRequest(constant.StringVal(tv.Value)))
		return false // a constant's parts are constants too
	})
	return r
}

// stringRequest is constRequest for one string.
func stringRequest(s string) request {
	r := request{ops: cosapi.OpsIn(s)}
	if s == cosapi.V1SliceOp || strings.Contains(s, "op="+cosapi.V1SliceOp) && !strings.Contains(s, "op="+cosapi.V1SliceOp+"_") {
		r.v1 = true
	}
	if f, ok := fieldKeys[s]; ok {
		r.fields |= f
	}
	for key, f := range fieldKeys {
		if strings.Contains(s, key+"=") {
			r.fields |= f
		}
	}
	return r
}

// structFields returns the fields a struct literal sets, by the keys of
// their form, json or url tags, or by their names.
func structFields(info *types.Info, lit *ast.CompositeLit) request {
	var r request
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		fv, ok := info.Uses[id].(*types.Var)
		if !ok || !fv.IsField() {
			continue
		}
		if f, ok := fieldKeys[formKey(structOf(info.TypeOf(lit)), fv)]; ok {
			r.fields |= f
		}
	}
	return r
}

func structOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// formKey returns the key under which a struct field is sent: its form,
// url or json tag, or its name in lower case.
func formKey(st *types.Struct, fv *types.Var) string {
	if st != nil {
		for i := range st.NumFields() {
			if st.Field(i) != fv {
				continue
			}
			for _, k := range []string{"form", "url", "json", "schema"} {
				if name := tagValue(st.Tag(i), k); name != "" {
					return name
				}
			}
		}
	}
	return strings.ToLower(fv.Name())
}

func tagValue(tag, key string) string {
	v := cosapi.StructTagValue(tag, key)
	name, _, _ := strings.Cut(v, ",")
	return strings.ToLower(name)
}

// isStringConst reports whether e is a string constant, and returns it.
func isStringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// isAddrOf reports whether e is &x, and returns x.
func isAddrOf(e ast.Expr) (ast.Expr, bool) {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil, false
	}
	return u.X, true
}
