package upload

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// checkRetrySets reports the reupload codes listed in sets named for
// retrying (form 3): map and slice literals bound to a variable, or a
// struct field, whose name says retry. It also finds the classifiers
// written as function literals, and then reads every classifier.
func (pr *protocol) checkRetrySets(ins *inspector.Inspector) {
	info := pr.pass.TypesInfo
	type funcLitClassifier struct {
		name string
		obj  types.Object
		lit  *ast.FuncLit
	}
	var lits []funcLitClassifier
	bind := func(name string, obj types.Object, value ast.Expr) {
		if !saysRetry(name) {
			return
		}
		switch v := ast.Unparen(value).(type) {
		case *ast.CompositeLit:
			pr.retrySet(name, obj, v)
		case *ast.FuncLit:
			lits = append(lits, funcLitClassifier{name, obj, v})
		}
	}
	ins.Preorder([]ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) {
					bind(name.Name, info.Defs[name], n.Values[i])
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return
			}
			for i, lhs := range n.Lhs {
				switch l := ast.Unparen(lhs).(type) {
				case *ast.Ident:
					bind(l.Name, info.ObjectOf(l), n.Rhs[i])
				case *ast.SelectorExpr:
					bind(l.Sel.Name, info.Uses[l.Sel], n.Rhs[i])
				}
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok {
				if _, isField := info.Uses[key].(*types.Var); isField {
					bind(key.Name, info.Uses[key], n.Value)
				}
			}
		}
	})
	pr.funcLitClassifiers = pr.funcLitClassifiers[:0]
	for _, l := range lits {
		pr.funcLitClassifiers = append(pr.funcLitClassifiers, classifierDecl{l.name, l.obj, l.lit.Body})
	}
}

// A classifierDecl is a function whose name says retry.
type classifierDecl struct {
	name string
	obj  types.Object // *types.Func, or the *types.Var a function literal is bound to
	body *ast.BlockStmt
}

// retrySet reads a map or slice literal bound to a name that says retry.
func (pr *protocol) retrySet(name string, obj types.Object, lit *ast.CompositeLit) {
	info := pr.pass.TypesInfo
	t := info.TypeOf(lit)
	if t == nil {
		return
	}
	var elems []ast.Expr
	switch t := t.Underlying().(type) {
	case *types.Map:
		if !exprinfo.IsInteger(t.Key()) {
			return
		}
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if tv := info.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value) {
				continue // map[int]bool{-4019: false} says no
			}
			elems = append(elems, kv.Key)
		}
	case *types.Slice:
		if !exprinfo.IsInteger(t.Elem()) {
			return
		}
		elems = elementsOf(lit)
	case *types.Array:
		if !exprinfo.IsInteger(t.Elem()) {
			return
		}
		elems = elementsOf(lit)
	default:
		return
	}
	var codes []int
	for _, e := range elems {
		v, ok := pr.intConst(e)
		if !ok || !codeset.IsReupload(v) || !pr.cos && !pr.isCatalogConst(e) {
			continue
		}
		codes = append(codes, v)
		pr.diag(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: fmt.Sprintf(
			"%s lists reupload code %s as retryable, but resending cannot succeed: remove it and %s", name, cosapi.DescribeValue(v), remedy)})
	}
	pr.remember(obj, codes)
}

func elementsOf(lit *ast.CompositeLit) []ast.Expr {
	var out []ast.Expr
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		out = append(out, e)
	}
	return out
}

// isCatalogConst reports whether e names a constant of the catalog.
func (pr *protocol) isCatalogConst(e ast.Expr) bool {
	c, ok := pr.objectOf(e).(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == catalog.ImportPath
}

// remember records the reupload codes a retry classifier or set answers
// yes for, for the branches of this package and, through a fact, of
// importing ones.
func (pr *protocol) remember(obj types.Object, codes []int) {
	if obj == nil || len(codes) == 0 {
		return
	}
	codes = codeset.Of(codes...).Inter(codeset.Reupload()).Values()
	pr.classifiers[obj] = codes
	if obj.Pkg() != pr.pass.Pkg || !obj.Exported() || pr.inTest(obj.Pos()) {
		return // only what importers can name needs a fact
	}
	switch o := obj.(type) {
	case *types.Func:
		pr.pass.ExportObjectFact(o, &classifierFact{Codes: codes})
	case *types.Var:
		if o.Parent() == pr.pass.Pkg.Scope() { // package-level: importers can name it
			pr.pass.ExportObjectFact(o, &classifierFact{Codes: codes})
		}
	}
}

// checkClassifiers reads every function whose name says retry and that
// answers a bool (form 3).
func (pr *protocol) checkClassifiers() {
	for _, f := range pr.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !saysRetry(fd.Name.Name) {
				continue
			}
			if obj := pr.pass.TypesInfo.Defs[fd.Name]; obj != nil {
				pr.classifier(classifierDecl{fd.Name.Name, obj, fd.Body})
			}
		}
	}
	for _, c := range pr.funcLitClassifiers {
		pr.classifier(c)
	}
}

func (pr *protocol) classifier(d classifierDecl) {
	sig, ok := d.obj.Type().Underlying().(*types.Signature)
	if !ok {
		return
	}
	result := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if b, ok := sig.Results().At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			result = i
			break
		}
	}
	if result < 0 {
		return
	}
	w := &classifierWalk{pr: pr, result: result}
	pr.withParamCodes(d.obj, func() { w.walkList(d.body.List, codeset.All(), pathCodes{}) })

	var codes []int
	for _, n := range w.yes {
		codes = append(codes, n.value)
		if n.local {
			continue
		}
		pr.diag(analysis.Diagnostic{Pos: n.expr.Pos(), End: n.expr.End(), Message: fmt.Sprintf(
			"%s answers yes for reupload code %s, but resending cannot succeed: answer no and %s", d.name, cosapi.DescribeValue(n.value), remedy)})
	}
	if w.blanket != nil {
		codes = append(codes, codeset.Reupload().Values()...)
		pr.diag(analysis.Diagnostic{Pos: w.blanket.Pos(), End: w.blanket.End(), Message: fmt.Sprintf(
			"%s answers yes for every failure code, including reupload codes such as %s: answer no for them and %s", d.name, cosapi.DescribeValue(codeset.Preferred(codeset.Reupload().Values())[0]), remedy)})
	}
	sort.Ints(codes)
	pr.remember(d.obj, codes)
}

// pathCodes is what the conditions on the way to a statement of a
// classifier said about the code.
type pathCodes struct {
	named   []namedCode // codes named by the conditions taken
	blanket ast.Node    // a condition taken that holds for every failure code
}

// A classifierWalk follows a classifier's body to its return statements.
type classifierWalk struct {
	pr      *protocol
	result  int // the index of the bool result
	yes     []namedCode
	blanket ast.Node
}

func (w *classifierWalk) walkList(list []ast.Stmt, p codeset.Set, pc pathCodes) codeset.Set {
	for _, s := range list {
		p = w.walkStmt(s, p, pc)
	}
	return p
}

func (w *classifierWalk) walkStmt(s ast.Stmt, p codeset.Set, pc pathCodes) codeset.Set {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		w.ret(s, p, pc)
		return codeset.Set{}
	case *ast.BlockStmt:
		return w.walkList(s.List, p, pc)
	case *ast.LabeledStmt:
		return w.walkStmt(s.Stmt, p, pc)
	case *ast.AssignStmt:
		w.pr.noteOKLookup(s.Lhs, s.Rhs)
	case *ast.IfStmt:
		if s.Init != nil {
			p = w.walkStmt(s.Init, p, pc)
		}
		c := w.pr.cond(s.Cond)
		out := w.walkList(s.Body.List, p.Inter(c.may), w.enter(pc, c, p.Inter(c.may)))
		elseP := p.Minus(c.must)
		switch e := s.Else.(type) {
		case nil:
			out = out.Union(elseP)
		default:
			out = out.Union(w.walkStmt(e, elseP, w.enter(pc, c.not(), elseP)))
		}
		return out
	case *ast.SwitchStmt:
		return w.walkSwitch(s, p, pc)
	case *ast.TypeSwitchStmt:
		out := p
		for _, st := range s.Body.List {
			out = out.Union(w.walkList(st.(*ast.CaseClause).Body, p, pc))
		}
		return out
	case *ast.ForStmt:
		w.walkList(s.Body.List, p, pc)
	case *ast.RangeStmt:
		w.walkList(s.Body.List, p, pc)
	}
	return p
}

func (w *classifierWalk) walkSwitch(s *ast.SwitchStmt, p codeset.Set, pc pathCodes) codeset.Set {
	if s.Init != nil {
		p = w.walkStmt(s.Init, p, pc)
	}
	tagIsCode := s.Tag != nil && w.pr.isCode(s.Tag)
	var out, priorMust, priorSel codeset.Set
	mentions := false
	var dflt *ast.CaseClause
	for _, st := range s.Body.List {
		cc := st.(*ast.CaseClause)
		if cc.List == nil {
			dflt = cc
			continue
		}
		c := w.pr.clauseCond(s, tagIsCode, cc)
		bp := p.Inter(c.may).Minus(priorMust)
		out = out.Union(w.walkList(cc.Body, bp, w.enter(pc, c, bp)))
		priorMust = priorMust.Union(c.must)
		if c.mentions {
			mentions = true
			priorSel = priorSel.Union(c.sel)
		}
	}
	rest := p.Minus(priorMust)
	if dflt != nil {
		c := condInfo{mentions: mentions, may: priorMust.Complement(), at: span{dflt.Case, dflt.Colon + 1}}
		if mentions {
			c.sel = priorSel.Complement()
		}
		return out.Union(w.walkList(dflt.Body, rest, w.enter(pc, c, rest)))
	}
	return out.Union(rest)
}

// maxNamedOnPath bounds the codes a path remembers.
const maxNamedOnPath = 64

// enter returns the path codes inside a branch taken when c holds.
func (w *classifierWalk) enter(pc pathCodes, c condInfo, p codeset.Set) pathCodes {
	if !c.mentions {
		return pc
	}
	var out pathCodes
	for _, n := range pc.named {
		if c.sel.HasValue(n.value) {
			out.named = append(out.named, n)
		}
	}
	out.named = append(out.named, c.selected(p)...)
	if len(out.named) > maxNamedOnPath { // bounds the work per branch
		out.named = out.named[:maxNamedOnPath]
	}
	out.blanket = pc.blanket
	if len(out.named) == 0 && isBlanket(c, p) {
		out.blanket = c.at
	}
	return out
}

// isBlanket reports whether a condition holds for every failure code
// that reaches it: every reupload code, and not success.
func isBlanket(c condInfo, p codeset.Set) bool {
	return c.mentions && !c.opaque && p.Inter(c.sel).Contains(codeset.Reupload()) && !codeset.Success().Minus(c.sel).Empty()
}

// ret records what a return statement answers.
func (w *classifierWalk) ret(s *ast.ReturnStmt, p codeset.Set, pc pathCodes) {
	if w.result >= len(s.Results) {
		return
	}
	r := s.Results[w.result]
	inPath := func(ns []namedCode, sel codeset.Set) {
		for _, n := range ns {
			if codeset.IsReupload(n.value) && p.HasValue(n.value) && sel.HasValue(n.value) {
				w.yes = append(w.yes, n)
			}
		}
	}
	if tv := w.pr.pass.TypesInfo.Types[r]; tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if !constant.BoolVal(tv.Value) {
			return
		}
		inPath(pc.named, codeset.All())
		if len(pc.named) == 0 && pc.blanket != nil && p.Contains(codeset.Reupload()) {
			w.blanket = pc.blanket
		}
		return
	}
	c := w.pr.cond(r)
	if !c.mentions {
		inPath(pc.named, codeset.All()) // return attempt < max: yes, for a while
		return
	}
	before := len(w.yes)
	inPath(c.selected(p), codeset.All())
	inPath(pc.named, c.sel)
	if len(w.yes) == before && len(pc.named) == 0 && isBlanket(c, p) {
		w.blanket = c.at
	}
}

// withParamCodes runs f with the integer parameters of the function obj
// counting as codes, in a package that talks to COS: a classifier's
// parameters are the codes it classifies.
func (pr *protocol) withParamCodes(obj types.Object, f func()) {
	sig, ok := obj.Type().Underlying().(*types.Signature)
	if pr.cos && ok {
		pr.paramCodes = make(map[*types.Var]bool)
		for i := 0; i < sig.Params().Len(); i++ {
			if p := sig.Params().At(i); exprinfo.IsInteger(p.Type()) {
				pr.paramCodes[p] = true
			}
		}
	}
	f()
	pr.paramCodes = nil
}
