package reupload

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// checkRetrySets reports the reupload codes listed in sets named for
// retrying (form 3): map and slice literals bound to a variable, or a
// struct field, whose name says retry. It also finds the classifiers
// written as function literals, and then reads every classifier.
func (ck *checker) checkRetrySets(ins *inspector.Inspector) {
	info := ck.pass.TypesInfo
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
			ck.retrySet(name, obj, v)
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
	ck.funcLitClassifiers = ck.funcLitClassifiers[:0]
	for _, l := range lits {
		ck.funcLitClassifiers = append(ck.funcLitClassifiers, classifierDecl{l.name, l.obj, l.lit.Body})
	}
}

// A classifierDecl is a function whose name says retry.
type classifierDecl struct {
	name string
	obj  types.Object // *types.Func, or the *types.Var a function literal is bound to
	body *ast.BlockStmt
}

// retrySet reads a map or slice literal bound to a name that says retry.
func (ck *checker) retrySet(name string, obj types.Object, lit *ast.CompositeLit) {
	info := ck.pass.TypesInfo
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
		v, ok := ck.intConst(e)
		if !ok || !isReupload(v) || !ck.cos && !ck.isCatalogConst(e) {
			continue
		}
		codes = append(codes, v)
		ck.diag(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: fmt.Sprintf(
			"%s lists reupload code %s as retryable, but resending cannot succeed: remove it and %s", name, cosapi.DescribeValue(v), remedy)})
	}
	ck.remember(obj, codes)
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
func (ck *checker) isCatalogConst(e ast.Expr) bool {
	c, ok := ck.objectOf(e).(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == catalog.ImportPath
}

// remember records the reupload codes a retry classifier or set answers
// yes for, for the branches of this package and, through a fact, of
// importing ones.
func (ck *checker) remember(obj types.Object, codes []int) {
	if obj == nil || len(codes) == 0 {
		return
	}
	codes = setOf(codes...).inter(reuploadCodes).values()
	ck.classifiers[obj] = codes
	if obj.Pkg() != ck.pass.Pkg || !obj.Exported() || ck.inTest(obj.Pos()) {
		return // only what importers can name needs a fact
	}
	switch o := obj.(type) {
	case *types.Func:
		ck.pass.ExportObjectFact(o, &retryClassifierFact{Codes: codes})
	case *types.Var:
		if o.Parent() == ck.pass.Pkg.Scope() { // package-level: importers can name it
			ck.pass.ExportObjectFact(o, &retryClassifierFact{Codes: codes})
		}
	}
}

// checkClassifiers reads every function whose name says retry and that
// answers a bool (form 3).
func (ck *checker) checkClassifiers() {
	for _, f := range ck.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !saysRetry(fd.Name.Name) {
				continue
			}
			if obj := ck.pass.TypesInfo.Defs[fd.Name]; obj != nil {
				ck.classifier(classifierDecl{fd.Name.Name, obj, fd.Body})
			}
		}
	}
	for _, c := range ck.funcLitClassifiers {
		ck.classifier(c)
	}
}

func (ck *checker) classifier(d classifierDecl) {
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
	w := &classifierWalk{ck: ck, result: result}
	ck.withParamCodes(d.obj, func() { w.walkList(d.body.List, allCodes, pathCodes{}) })

	var codes []int
	for _, n := range w.yes {
		codes = append(codes, n.value)
		if n.local {
			continue
		}
		ck.diag(analysis.Diagnostic{Pos: n.expr.Pos(), End: n.expr.End(), Message: fmt.Sprintf(
			"%s answers yes for reupload code %s, but resending cannot succeed: answer no and %s", d.name, cosapi.DescribeValue(n.value), remedy)})
	}
	if w.blanket != nil {
		codes = append(codes, reuploadCodes.values()...)
		ck.diag(analysis.Diagnostic{Pos: w.blanket.Pos(), End: w.blanket.End(), Message: fmt.Sprintf(
			"%s answers yes for every failure code, including reupload codes such as %s: answer no for them and %s", d.name, cosapi.DescribeValue(preferred(reuploadCodes.values())[0]), remedy)})
	}
	sort.Ints(codes)
	ck.remember(d.obj, codes)
}

// pathCodes is what the conditions on the way to a statement of a
// classifier said about the code.
type pathCodes struct {
	named   []namedCode // codes named by the conditions taken
	blanket ast.Node    // a condition taken that holds for every failure code
}

// A classifierWalk follows a classifier's body to its return statements.
type classifierWalk struct {
	ck      *checker
	result  int // the index of the bool result
	yes     []namedCode
	blanket ast.Node
}

func (w *classifierWalk) walkList(list []ast.Stmt, p codeSet, pc pathCodes) codeSet {
	for _, s := range list {
		p = w.walkStmt(s, p, pc)
	}
	return p
}

func (w *classifierWalk) walkStmt(s ast.Stmt, p codeSet, pc pathCodes) codeSet {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		w.ret(s, p, pc)
		return codeSet{}
	case *ast.BlockStmt:
		return w.walkList(s.List, p, pc)
	case *ast.LabeledStmt:
		return w.walkStmt(s.Stmt, p, pc)
	case *ast.AssignStmt:
		w.ck.noteOKLookup(s.Lhs, s.Rhs)
	case *ast.IfStmt:
		if s.Init != nil {
			p = w.walkStmt(s.Init, p, pc)
		}
		c := w.ck.cond(s.Cond)
		out := w.walkList(s.Body.List, p.inter(c.may), w.enter(pc, c, p.inter(c.may)))
		elseP := p.minus(c.must)
		switch e := s.Else.(type) {
		case nil:
			out = out.union(elseP)
		default:
			out = out.union(w.walkStmt(e, elseP, w.enter(pc, c.not(), elseP)))
		}
		return out
	case *ast.SwitchStmt:
		return w.walkSwitch(s, p, pc)
	case *ast.TypeSwitchStmt:
		out := p
		for _, st := range s.Body.List {
			out = out.union(w.walkList(st.(*ast.CaseClause).Body, p, pc))
		}
		return out
	case *ast.ForStmt:
		w.walkList(s.Body.List, p, pc)
	case *ast.RangeStmt:
		w.walkList(s.Body.List, p, pc)
	}
	return p
}

func (w *classifierWalk) walkSwitch(s *ast.SwitchStmt, p codeSet, pc pathCodes) codeSet {
	if s.Init != nil {
		p = w.walkStmt(s.Init, p, pc)
	}
	tagIsCode := s.Tag != nil && w.ck.isCode(s.Tag)
	var out, priorMust, priorSel codeSet
	mentions := false
	var dflt *ast.CaseClause
	for _, st := range s.Body.List {
		cc := st.(*ast.CaseClause)
		if cc.List == nil {
			dflt = cc
			continue
		}
		c := w.ck.clauseCond(s, tagIsCode, cc)
		bp := p.inter(c.may).minus(priorMust)
		out = out.union(w.walkList(cc.Body, bp, w.enter(pc, c, bp)))
		priorMust = priorMust.union(c.must)
		if c.mentions {
			mentions = true
			priorSel = priorSel.union(c.sel)
		}
	}
	rest := p.minus(priorMust)
	if dflt != nil {
		c := condInfo{mentions: mentions, may: priorMust.complement(), at: span{dflt.Case, dflt.Colon + 1}}
		if mentions {
			c.sel = priorSel.complement()
		}
		return out.union(w.walkList(dflt.Body, rest, w.enter(pc, c, rest)))
	}
	return out.union(rest)
}

// maxNamedOnPath bounds the codes a path remembers.
const maxNamedOnPath = 64

// enter returns the path codes inside a branch taken when c holds.
func (w *classifierWalk) enter(pc pathCodes, c condInfo, p codeSet) pathCodes {
	if !c.mentions {
		return pc
	}
	var out pathCodes
	for _, n := range pc.named {
		if c.sel.hasValue(n.value) {
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
func isBlanket(c condInfo, p codeSet) bool {
	return c.mentions && !c.opaque && p.inter(c.sel).contains(reuploadCodes) && !successCodes.minus(c.sel).empty()
}

// ret records what a return statement answers.
func (w *classifierWalk) ret(s *ast.ReturnStmt, p codeSet, pc pathCodes) {
	if w.result >= len(s.Results) {
		return
	}
	r := s.Results[w.result]
	inPath := func(ns []namedCode, sel codeSet) {
		for _, n := range ns {
			if isReupload(n.value) && p.hasValue(n.value) && sel.hasValue(n.value) {
				w.yes = append(w.yes, n)
			}
		}
	}
	if tv := w.ck.pass.TypesInfo.Types[r]; tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if !constant.BoolVal(tv.Value) {
			return
		}
		inPath(pc.named, allCodes)
		if len(pc.named) == 0 && pc.blanket != nil && p.contains(reuploadCodes) {
			w.blanket = pc.blanket
		}
		return
	}
	c := w.ck.cond(r)
	if !c.mentions {
		inPath(pc.named, allCodes) // return attempt < max: yes, for a while
		return
	}
	before := len(w.yes)
	inPath(c.selected(p), allCodes)
	inPath(pc.named, c.sel)
	if len(w.yes) == before && len(pc.named) == 0 && isBlanket(c, p) {
		w.blanket = c.at
	}
}

// withParamCodes runs f with the integer parameters of the function obj
// counting as codes, in a package that talks to COS: a classifier's
// parameters are the codes it classifies.
func (ck *checker) withParamCodes(obj types.Object, f func()) {
	sig, ok := obj.Type().Underlying().(*types.Signature)
	if ck.cos && ok {
		ck.paramCodes = make(map[*types.Var]bool)
		for i := 0; i < sig.Params().Len(); i++ {
			if p := sig.Params().At(i); exprinfo.IsInteger(p.Type()) {
				ck.paramCodes[p] = true
			}
		}
	}
	f()
	ck.paramCodes = nil
}
