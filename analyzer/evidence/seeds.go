package evidence

import (
	"go/ast"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// Where the evidence starts: the envelope's code field, what is compared
// with a catalog constant, and the declarations the user names.

// seedEnvelopes marks the field tagged json:"code" of every struct that
// also has a field tagged json:"message" (or "msg"): the COS v4 response
// envelope. Only in packages that are evidently COS clients.
func (s *store) seedEnvelopes(structs []*ast.StructType) {
	if !s.cos {
		return
	}
	for _, st := range structs {
		var code *ast.Ident
		message := false
		for _, f := range st.Fields.List {
			if f.Tag == nil {
				continue
			}
			switch name := cosapi.QuotedJSONName(f.Tag.Value); {
			case name == "code":
				if len(f.Names) == 1 {
					code = f.Names[0]
				}
			case cosapi.IsMessageName(name):
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
		s.mark(field, CodeDomain, 0)
		// A named type declared for the field (type RetCode int) holds codes too.
		if named, ok := types.Unalias(field.Type()).(*types.Named); ok && named.Obj().Pkg() == s.pass.Pkg && exprinfo.IsInteger(named) {
			s.sources[named.Obj()] = source{domain: CodeDomain}
		}
	}
}

// seedCatalogComparisons marks what is compared with a catalog constant:
// the author already said it holds codes.
func (s *store) seedCatalogComparisons(cmps []Comparison) {
	for _, c := range cmps {
		for _, pair := range [2][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
			if fam, ok := catalogConstFamily(s.pass.TypesInfo, pair[1]); ok {
				d := CodeDomain
				if fam.IsHTTPStatus() {
					d = HTTPDomain
				}
				s.mark(s.rootObject(pair[0]), d, 0)
			}
		}
	}
}

// catalogConstFamily reports the family of a catalog constant named by e.
func catalogConstFamily(info *types.Info, e ast.Expr) (catalog.Family, bool) {
	obj, ok := exprinfo.Object(info, e).(*types.Const)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != catalog.ImportPath {
		return 0, false
	}
	c, ok := catalog.ByGoName(obj.Name())
	return c.Family, ok
}

// resolveConfigSources finds the declarations the sources name among pkg
// and everything it imports.
func resolveConfigSources(pkg *types.Package, sources []Source) map[types.Object]Domain {
	if len(sources) == 0 {
		return nil
	}
	config := make(map[types.Object]Domain)
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
	visit(pkg)
	for _, src := range sources {
		ref, err := parseSource(src)
		if err != nil {
			continue // Validate reported it
		}
		p := pkgs[ref.pkg]
		if p == nil {
			continue
		}
		if obj, err := lookupSource(p, ref); err == nil {
			config[exprinfo.Origin(obj)] = ref.domain
		}
	}
	return config
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
