package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// comparison is one equality test: x == y, x != y, or a switch tag x with
// a case value y. Which side holds the code is decided later.
type comparison struct {
	x, y ast.Expr
}

// flow is an edge along which a code travels into a declaration: an
// assignment, a composite literal's field, an argument to a parameter, a
// returned value.
type flow struct {
	from       ast.Expr     // the value; nil when fromObj is set
	fromResult int          // when from is a call whose results are spread: the result index; else -1
	fromObj    types.Object // a named result variable flowing into its function
	to         types.Object
	result     int // when to is a function: the result index
}

// syntax is what one walk over the package collects for the checks.
type syntax struct {
	strings []*ast.BasicLit
	structs []*ast.StructType
	cmps    []comparison
	flows   []flow
	lookups []lookup
}

// lookup is a container searched with a value: m[v], slices.Contains(s, v),
// slices.Index(s, v). When v holds a code, the container's keys or
// elements are codes too.
type lookup struct {
	container, value ast.Expr
}

// collect walks the package once.
func collect(pass *analysis.Pass) *syntax {
	info := pass.TypesInfo
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	syn := new(syntax)
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
				syn.cmps = append(syn.cmps, comparison{n.X, n.Y})
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, stmt := range n.Body.List {
					for _, v := range stmt.(*ast.CaseClause).List {
						syn.cmps = append(syn.cmps, comparison{n.Tag, v})
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
			syn.arguments(pass, n)
			if isSliceSearch(info, n) {
				syn.lookups = append(syn.lookups, lookup{n.Args[0], n.Args[1]})
			}
		case *ast.SendStmt:
			if ch := assignee(info, n.Chan); ch != nil {
				syn.flows = append(syn.flows, flow{from: n.Value, fromResult: -1, to: ch})
			}
		case *ast.IndexExpr:
			if _, ok := typeparamsFree(info.TypeOf(n.X)).(*types.Map); ok {
				syn.lookups = append(syn.lookups, lookup{n.X, n.Index})
			}
		case *ast.FuncDecl:
			syn.namedResults(info, n)
		}
		return true
	})
	return syn
}

func (syn *syntax) assign(info *types.Info, lhs, rhs []ast.Expr) {
	if len(lhs) == len(rhs) {
		for i := range lhs {
			if obj := assignee(info, lhs[i]); obj != nil {
				syn.flows = append(syn.flows, flow{from: rhs[i], fromResult: -1, to: obj})
			}
		}
		return
	}
	if len(rhs) == 1 { // a, b := f()
		for i := range lhs {
			if obj := assignee(info, lhs[i]); obj != nil {
				syn.flows = append(syn.flows, flow{from: rhs[0], fromResult: i, to: obj})
			}
		}
	}
}

// assignee returns the variable or field an assignment writes, or nil.
func assignee(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj, ok := info.Defs[e].(*types.Var); ok {
			return obj
		}
		if obj, ok := info.Uses[e].(*types.Var); ok {
			return obj
		}
	case *ast.SelectorExpr:
		if obj, ok := info.Uses[e.Sel].(*types.Var); ok {
			return obj
		}
	}
	return nil
}

func (syn *syntax) compositeFields(info *types.Info, lit *ast.CompositeLit) {
	st, ok := typeparamsFree(info.TypeOf(lit)).(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if field, ok := info.Uses[key].(*types.Var); ok {
					syn.flows = append(syn.flows, flow{from: kv.Value, fromResult: -1, to: field})
				}
			}
		} else if i < st.NumFields() {
			syn.flows = append(syn.flows, flow{from: elt, fromResult: -1, to: st.Field(i)})
		}
	}
}

// typeparamsFree returns the struct underlying t, through pointers.
func typeparamsFree(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return t.Underlying()
}

func (syn *syntax) returns(info *types.Info, ret *ast.ReturnStmt, stack []ast.Node) {
	// The innermost enclosing function; a literal's returns are its own.
	for i := len(stack) - 1; i >= 0; i-- {
		switch fn := stack[i].(type) {
		case *ast.FuncLit:
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
					syn.flows = append(syn.flows, flow{from: r, fromResult: -1, to: obj, result: i})
				}
			case len(ret.Results) == 1 && n > 1: // return f()
				for i := range n {
					syn.flows = append(syn.flows, flow{from: ret.Results[0], fromResult: i, to: obj, result: i})
				}
			}
			return
		}
	}
}

// namedResults lets a named result that holds a code make its function a
// source (func f() (code int, err error) { code = resp.Code; return }).
func (syn *syntax) namedResults(info *types.Info, decl *ast.FuncDecl) {
	obj, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return
	}
	results := obj.Signature().Results()
	for i := range results.Len() {
		if r := results.At(i); r.Name() != "" && r.Name() != "_" {
			syn.flows = append(syn.flows, flow{fromObj: r, fromResult: -1, to: obj, result: i})
		}
	}
}

// arguments makes the parameters of this package's functions sources when
// a code is passed to them.
func (syn *syntax) arguments(pass *analysis.Pass, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() != pass.Pkg {
		return
	}
	params := fn.Origin().Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || (fn.Signature().Variadic() && i >= params.Len()-1) {
			break
		}
		syn.flows = append(syn.flows, flow{from: arg, fromResult: -1, to: params.At(i)})
	}
}

// isSliceSearch reports whether call is slices.Contains or slices.Index.
func isSliceSearch(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && len(call.Args) == 2 && fn.Pkg() != nil && fn.Pkg().Path() == "slices" &&
		(fn.Name() == "Contains" || fn.Name() == "Index")
}
