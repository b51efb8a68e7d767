package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/catalog"
)

// source records that the values of a declaration are response codes.
type source struct {
	domain domain
	result int // for functions: the index of the result holding the code
}

// state is what one pass knows about which expressions hold response codes.
type state struct {
	pass    *analysis.Pass
	cfg     *Config
	cos     bool                    // the package is evidently a COS v4 client
	sources map[types.Object]source // declarations found to hold codes (or imported as facts)
	checked map[types.Object]bool   // objects of other packages whose facts were looked up
	config  map[types.Object]domain // declarations named by Config.Sources

	keywordEnds map[*ast.File]map[token.Pos]bool // per file, built when a fix needs it (fixspace.go)
	ordered     map[*types.Scope]bool            // scopes whose children stand in source order (innermostScope)
}

func newState(pass *analysis.Pass, cfg *Config, cos bool) *state {
	s := &state{
		pass:    pass,
		cfg:     cfg,
		cos:     cos,
		sources: make(map[types.Object]source),
		checked: make(map[types.Object]bool),
	}
	s.resolveConfigSources()
	return s
}

// IsCOSClient reports whether the package evidently talks to the COS v4
// API; the reupload-retry check asks.
func (s *state) IsCOSClient() bool { return s.cos }

// IsCode reports whether e holds a response code. It lets the
// reupload-retry check share this evidence.
func (s *state) IsCode(e ast.Expr) bool { return s.domainOf(e) != noDomain }

// domainOf returns the kind of response code e holds, or noDomain.
func (s *state) domainOf(e ast.Expr) domain {
	info := s.pass.TypesInfo
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; !ok || tv.Value != nil || !isCodeType(tv.Type) {
		return noDomain // unknown, constant, or neither an integer nor a string
	}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.ARROW { // a receive from a channel of codes
			return s.objDomain(assignee(info, e.X), 0)
		}
	case *ast.Ident:
		if d := s.objDomain(info.Uses[e], 0); d != noDomain {
			return d
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				field := sel.Obj().(*types.Var)
				if d := s.objDomain(field, 0); d != noDomain {
					return d
				}
				if s.cos && isHTTPStatusCodeField(field) {
					return httpDomain
				}
				if isCatalogValueField(field) {
					return codeDomain
				}
			}
		} else if d := s.objDomain(info.Uses[e.Sel], 0); d != noDomain {
			return d // a qualified package-level variable
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return s.domainOf(e.Args[0]) // a conversion keeps the meaning
			}
			return noDomain
		}
		if from, ok := convertedFrom(info, e, 0); ok {
			return s.domainOf(from)
		}
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok {
			if d := s.objDomain(fn, 0); d != noDomain {
				return d
			}
		}
	}
	// A value of a named type declared to hold codes.
	if named, ok := types.Unalias(info.TypeOf(e)).(*types.Named); ok {
		return s.objDomain(named.Obj(), 0)
	}
	return noDomain
}

// objDomain returns the domain of a declaration's values; for functions,
// of the result at index result.
func (s *state) objDomain(obj types.Object, result int) domain {
	if obj == nil {
		return noDomain
	}
	obj = origin(obj)
	if d, ok := s.config[obj]; ok {
		return d
	}
	if obj.Pkg() != nil && obj.Pkg() != s.pass.Pkg && !s.checked[obj] {
		s.checked[obj] = true
		var fact codeSourceFact
		if s.pass.ImportObjectFact(obj, &fact) {
			s.sources[obj] = source{domain: fact.Domain, result: fact.Result}
		}
	}
	src, ok := s.sources[obj]
	if !ok {
		// A variable of a named type that holds codes.
		if v, isVar := obj.(*types.Var); isVar {
			if named, isNamed := types.Unalias(v.Type()).(*types.Named); isNamed && named.Obj() != obj {
				return s.objDomain(named.Obj(), 0)
			}
		}
		return noDomain
	}
	if src.result != result {
		return noDomain
	}
	return src.domain
}

// mark records that obj holds codes of domain d, and reports whether that
// is news.
func (s *state) mark(obj types.Object, d domain, result int) bool {
	if obj == nil || d == noDomain {
		return false
	}
	obj = origin(obj)
	if _, ok := s.sources[obj]; ok {
		return false
	}
	if _, ok := s.config[obj]; ok {
		return false
	}
	switch obj := obj.(type) {
	case *types.Var:
		t := obj.Type()
		if ch, ok := t.Underlying().(*types.Chan); ok {
			t = ch.Elem() // a channel that carries codes
		}
		if !isCodeType(t) {
			return false
		}
	case *types.Func:
		results := obj.Signature().Results()
		if result >= results.Len() || !isCodeType(results.At(result).Type()) {
			return false
		}
	}
	s.sources[obj] = source{domain: d, result: result}
	return true
}

// exportFacts publishes the package-level declarations found to hold codes,
// so that importing packages see the codes that flow out of this one.
func (s *state) exportFacts() {
	for obj, src := range s.sources {
		if obj.Pkg() != s.pass.Pkg || !exportable(obj) {
			continue
		}
		s.pass.ExportObjectFact(obj, &codeSourceFact{Domain: src.domain, Result: src.result})
	}
}

// exportable reports whether importing packages can name obj: a
// package-level declaration, a method, or a struct field.
func exportable(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return true
	case *types.TypeName:
		return obj.Parent() == obj.Pkg().Scope()
	case *types.Var:
		return obj.IsField() || obj.Parent() == obj.Pkg().Scope()
	}
	return false
}

// seedEnvelopes marks the integer field tagged json:"code" of every struct
// that also has a field tagged json:"message" (or "msg"): the COS v4
// response envelope. Only in packages that are evidently COS clients.
func (s *state) seedEnvelopes(structs []*ast.StructType) {
	if !s.cos {
		return
	}
	for _, st := range structs {
		var code *ast.Ident
		message := false
		for _, f := range st.Fields.List {
			switch jsonName(f.Tag) {
			case "code":
				if len(f.Names) == 1 {
					code = f.Names[0]
				}
			case "message", "msg":
				message = true
			}
		}
		if code == nil || !message {
			continue
		}
		field, ok := s.pass.TypesInfo.Defs[code].(*types.Var)
		if !ok {
			continue // no type information (the package has errors)
		}
		s.mark(field, codeDomain, 0)
		// A named type declared for the field (type RetCode int) holds codes too.
		if named, ok := types.Unalias(field.Type()).(*types.Named); ok && named.Obj().Pkg() == s.pass.Pkg && isInteger(named) {
			s.sources[named.Obj()] = source{domain: codeDomain}
		}
	}
}

// seedCatalogComparisons marks what is compared with a catalog constant:
// the author already said it holds codes.
func (s *state) seedCatalogComparisons(cmps []comparison) {
	for _, c := range cmps {
		for _, pair := range [2][2]ast.Expr{{c.x, c.y}, {c.y, c.x}} {
			if fam, ok := s.catalogConstFamily(pair[1]); ok {
				d := codeDomain
				if fam.IsHTTPStatus() {
					d = httpDomain
				}
				s.mark(s.rootObject(pair[0]), d, 0)
			}
		}
	}
}

// catalogConstFamily reports the family of a catalog constant named by e.
func (s *state) catalogConstFamily(e ast.Expr) (catalog.Family, bool) {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return 0, false
	}
	obj, ok := s.pass.TypesInfo.Uses[id].(*types.Const)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != catalog.ImportPath {
		return 0, false
	}
	c, ok := catalog.ByGoName(obj.Name())
	return c.Family, ok
}

// rootObject returns the declaration an expression reads: a variable, a
// field, or the function a call calls.
func (s *state) rootObject(e ast.Expr) types.Object {
	info := s.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj, ok := info.Uses[e].(*types.Var); ok {
			return obj
		}
		if obj, ok := info.Defs[e].(*types.Var); ok {
			return obj
		}
	case *ast.SelectorExpr:
		if obj, ok := info.Uses[e.Sel].(*types.Var); ok {
			return obj
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return s.rootObject(e.Args[0])
		}
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok && fn.Signature().Results().Len() == 1 {
			return fn
		}
	}
	return nil
}

// resolveConfigSources finds the declarations Config.Sources names among
// this package and everything it imports.
func (s *state) resolveConfigSources() {
	if len(s.cfg.Sources) == 0 {
		return
	}
	s.config = make(map[types.Object]domain)
	pkgs := map[string]*types.Package{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if pkgs[p.Path()] != nil {
			return
		}
		pkgs[p.Path()] = p
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(s.pass.Pkg)
	for _, src := range s.cfg.Sources {
		ref, err := parseSource(src)
		if err != nil {
			continue // Validate reported it
		}
		pkg := pkgs[ref.pkg]
		if pkg == nil {
			continue
		}
		obj := pkg.Scope().Lookup(ref.names[0])
		if len(ref.names) == 2 {
			tn, ok := obj.(*types.TypeName)
			if !ok {
				continue
			}
			obj, _, _ = types.LookupFieldOrMethod(tn.Type(), true, pkg, ref.names[1])
		}
		if obj != nil {
			s.config[origin(obj)] = ref.domain
		}
	}
}

// origin maps members of instantiated generic types and functions to
// their declarations.
func origin(obj types.Object) types.Object {
	switch o := obj.(type) {
	case *types.Var:
		return o.Origin()
	case *types.Func:
		return o.Origin()
	}
	return obj
}

// isCodeType reports whether values of t can be codes: integers, or
// strings that spell them (some gateways answer "code": "-4018").
func isCodeType(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsString) != 0
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isHTTPStatusCodeField reports whether field is net/http.Response.StatusCode.
func isHTTPStatusCodeField(field *types.Var) bool {
	return field.Name() == "StatusCode" && field.Pkg() != nil && field.Pkg().Path() == "net/http" && isFieldOf(field, "Response")
}

// isCatalogValueField reports whether field is catalog.Code.Value.
func isCatalogValueField(field *types.Var) bool {
	return field.Name() == "Value" && field.Pkg() != nil && field.Pkg().Path() == catalog.ImportPath && isFieldOf(field, "Code")
}

// isFieldOf reports whether field belongs to the named struct type of its
// package.
func isFieldOf(field *types.Var, typeName string) bool {
	tn, ok := field.Pkg().Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f == field {
			return true
		}
	}
	return false
}

// jsonName returns the name a json struct tag gives a field, or "".
func jsonName(tag *ast.BasicLit) string {
	if tag == nil {
		return ""
	}
	raw, err := strconv.Unquote(tag.Value)
	if err != nil {
		return ""
	}
	name, _, _ := strings.Cut(reflect.StructTag(raw).Get("json"), ",")
	return strings.ToLower(name) // encoding/json matches names case-insensitively
}
