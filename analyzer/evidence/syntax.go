package evidence

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// A Comparison is one equality test: X == Y, X != Y, or a switch tag X
// with a case value Y. Which side holds the code is decided later.
type Comparison struct {
	X, Y ast.Expr
}

// A Flow is an edge along which a code travels into a declaration: an
// assignment, a composite literal's field, an argument to a parameter, a
// returned value.
type Flow struct {
	From       ast.Expr     // the value; nil when FromObj is set
	FromResult int          // when From is a call whose results are spread: the result index; else -1
	FromObj    types.Object // a named result variable flowing into its function
	To         types.Object
	Result     int // when To is a function: the result index
}

// Syntax is what the evidence analyzer's one walk over the package
// collects, for itself and for the checks.
type Syntax struct {
	strings     []*ast.BasicLit
	structs     []*ast.StructType
	Comparisons []Comparison
	Flows       []Flow
	Lookups     []Lookup
}

// A Lookup is a container searched with a value: m[v], slices.Contains(s,
// v), slices.Index(s, v). When v holds a code, the container's keys or
// elements are codes too.
type Lookup struct {
	Container, Value ast.Expr
}

// collect walks the package once.
func collect(info *types.Info, pkg *types.Package, insp *inspector.Inspector) *Syntax {
	syn := new(Syntax)
	filter := []ast.Node{
		(*ast.BasicLit)(nil), (*ast.StructType)(nil), (*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil),
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil), (*ast.ReturnStmt)(nil),
		(*ast.CallExpr)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.IndexExpr)(nil),
		(*ast.SendStmt)(nil),
	}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				syn.strings = append(syn.strings, n)
			}
		case *ast.StructType:
			syn.structs = append(syn.structs, n)
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				syn.Comparisons = append(syn.Comparisons, Comparison{n.X, n.Y})
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, stmt := range n.Body.List {
					for _, v := range stmt.(*ast.CaseClause).List {
						syn.Comparisons = append(syn.Comparisons, Comparison{n.Tag, v})
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				syn.assign(info, n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			syn.assign(info, lhs, n.Values)
		case *ast.CompositeLit:
			syn.compositeFields(info, n)
		case *ast.ReturnStmt:
			syn.returns(info, n, stack)
		case *ast.CallExpr:
			syn.arguments(info, pkg, n)
			if isSliceSearch(info, n) {
				syn.Lookups = append(syn.Lookups, Lookup{n.Args[0], n.Args[1]})
			}
		case *ast.SendStmt:
			if ch := exprinfo.Var(info, n.Chan); ch != nil {
				syn.Flows = append(syn.Flows, Flow{From: n.Value, FromResult: -1, To: ch})
			}
		case *ast.IndexExpr:
			if _, ok := StructOrMap(info.TypeOf(n.X)).(*types.Map); ok {
				syn.Lookups = append(syn.Lookups, Lookup{n.X, n.Index})
			}
		case *ast.FuncDecl:
			syn.namedResults(info, n)
		}
		return true
	})
	return syn
}

func (syn *Syntax) assign(info *types.Info, lhs, rhs []ast.Expr) {
	if len(lhs) == len(rhs) {
		for i := range lhs {
			if obj := exprinfo.Var(info, lhs[i]); obj != nil {
				syn.Flows = append(syn.Flows, Flow{From: rhs[i], FromResult: -1, To: obj})
			}
		}
		return
	}
	if len(rhs) == 1 { // a, b := f()
		for i := range lhs {
			if obj := exprinfo.Var(info, lhs[i]); obj != nil {
				syn.Flows = append(syn.Flows, Flow{From: rhs[0], FromResult: i, To: obj})
			}
		}
	}
}

func (syn *Syntax) compositeFields(info *types.Info, lit *ast.CompositeLit) {
	st, ok := StructOrMap(info.TypeOf(lit)).(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if field, ok := info.Uses[key].(*types.Var); ok {
					syn.Flows = append(syn.Flows, Flow{From: kv.Value, FromResult: -1, To: field})
				}
			}
		} else if i < st.NumFields() {
			syn.Flows = append(syn.Flows, Flow{From: elt, FromResult: -1, To: st.Field(i)})
		}
	}
}

// StructOrMap returns the type underlying t, through one pointer: the
// struct of a composite literal &T{...}, or the map of a lookup.
func StructOrMap(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return t.Underlying()
}

func (syn *Syntax) returns(info *types.Info, ret *ast.ReturnStmt, stack []ast.Node) {
	// The innermost enclosing function; a literal's returns are its own,
	// and those of the variable it is bound to (attempt := func() ...).
	for i := len(stack) - 1; i >= 0; i-- {
		switch fn := stack[i].(type) {
		case *ast.FuncLit:
			v := boundVar(info, fn, stack[:i])
			sig, ok := info.TypeOf(fn).(*types.Signature)
			if v == nil || !ok || len(ret.Results) != sig.Results().Len() {
				return
			}
			for i, r := range ret.Results {
				syn.Flows = append(syn.Flows, Flow{From: r, FromResult: -1, To: v, Result: i})
			}
			return
		case *ast.FuncDecl:
			obj, ok := info.Defs[fn.Name].(*types.Func)
			if !ok {
				return
			}
			n := obj.Signature().Results().Len()
			switch {
			case len(ret.Results) == n:
				for i, r := range ret.Results {
					syn.Flows = append(syn.Flows, Flow{From: r, FromResult: -1, To: obj, Result: i})
				}
			case len(ret.Results) == 1 && n > 1: // return f()
				for i := range n {
					syn.Flows = append(syn.Flows, Flow{From: ret.Results[0], FromResult: i, To: obj, Result: i})
				}
			}
			return
		}
	}
}

// boundVar returns the local variable a function literal is assigned to
// (send := func() ...), given the nodes around the literal.
func boundVar(info *types.Info, lit *ast.FuncLit, outer []ast.Node) *types.Var {
	if len(outer) == 0 {
		return nil
	}
	switch p := outer[len(outer)-1].(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if r == lit {
					return exprinfo.Var(info, p.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, r := range p.Values {
				if r == lit {
					v, _ := info.Defs[p.Names[i]].(*types.Var)
					return v
				}
			}
		}
	}
	return nil
}

// namedResults lets a named result that holds a code make its function a
// source (func f() (code int, err error) { code = resp.Code; return }).
func (syn *Syntax) namedResults(info *types.Info, decl *ast.FuncDecl) {
	obj, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return
	}
	results := obj.Signature().Results()
	for i := range results.Len() {
		if r := results.At(i); r.Name() != "" && r.Name() != "_" {
			syn.Flows = append(syn.Flows, Flow{FromObj: r, FromResult: -1, To: obj, Result: i})
		}
	}
}

// arguments makes the parameters of this package's functions sources when
// a code is passed to them.
func (syn *Syntax) arguments(info *types.Info, pkg *types.Package, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() != pkg {
		return
	}
	params := fn.Origin().Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || (fn.Signature().Variadic() && i >= params.Len()-1) {
			break
		}
		syn.Flows = append(syn.Flows, Flow{From: arg, FromResult: -1, To: params.At(i)})
	}
}

// isSliceSearch reports whether call is slices.Contains or slices.Index.
func isSliceSearch(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && len(call.Args) == 2 && fn.Pkg() != nil && fn.Pkg().Path() == "slices" &&
		(fn.Name() == "Contains" || fn.Name() == "Index")
}
