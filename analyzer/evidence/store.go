package evidence

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// source records that the values of a declaration are response codes.
type source struct {
	domain Domain
	result int // for functions: the index of the result holding the code
}

// store is what one pass knows about which declarations hold response
// codes. It is written while the evidence analyzer runs and only read
// afterwards.
type store struct {
	pass    *analysis.Pass
	cos     bool                    // the package is evidently a COS v4 client
	sources map[types.Object]source // declarations found to hold codes, here or (by facts) in other packages
	config  map[types.Object]Domain // declarations named by Config.Sources
}

func newStore(pass *analysis.Pass, cfg *Config, cos bool) *store {
	s := &store{pass: pass, cos: cos, sources: make(map[types.Object]source)}
	// What other packages found, all at once: the result is read
	// concurrently later, so nothing may be imported lazily.
	for _, f := range pass.AllObjectFacts() {
		if fact, ok := f.Fact.(*codeSourceFact); ok {
			s.sources[f.Object] = source{domain: fact.Domain, result: fact.Result}
		}
	}
	s.config = resolveConfigSources(pass.Pkg, cfg.Sources)
	return s
}

// domainOf returns the kind of response code e holds, or NoDomain.
func (s *store) domainOf(e ast.Expr) Domain {
	info := s.pass.TypesInfo
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; !ok || tv.Value != nil || !exprinfo.IsCodeType(tv.Type) {
		return NoDomain // unknown, constant, or neither an integer nor a string
	}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.ARROW { // a receive from a channel of codes
			return s.objDomain(exprinfo.Var(info, e.X), 0)
		}
	case *ast.Ident:
		if d := s.objDomain(info.Uses[e], 0); d != NoDomain {
			return d
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				field := sel.Obj().(*types.Var)
				if d := s.objDomain(field, 0); d != NoDomain {
					return d
				}
				if s.cos && isHTTPStatusCodeField(field) {
					return HTTPDomain
				}
				if isCatalogValueField(field) {
					return CodeDomain
				}
			}
		} else if d := s.objDomain(info.Uses[e.Sel], 0); d != NoDomain {
			return d // a qualified package-level variable
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return s.domainOf(e.Args[0]) // a conversion keeps the meaning
			}
			return NoDomain
		}
		if from, ok := convertedFrom(info, e, 0); ok {
			return s.domainOf(from)
		}
		if fn := typeutil.Callee(info, e); fn != nil {
			if d := s.objDomain(fn, 0); d != NoDomain {
				return d // a function, or a variable bound to a literal, that returns codes
			}
		}
	}
	// A value of a named type declared to hold codes.
	if named, ok := types.Unalias(info.TypeOf(e)).(*types.Named); ok {
		return s.objDomain(named.Obj(), 0)
	}
	return NoDomain
}

// objDomain returns the domain of a declaration's values; for functions,
// of the result at index result.
func (s *store) objDomain(obj types.Object, result int) Domain {
	if obj == nil {
		return NoDomain
	}
	obj = exprinfo.Origin(obj)
	if d, ok := s.config[obj]; ok {
		return d
	}
	src, ok := s.sources[obj]
	if !ok {
		// A variable of a named type that holds codes.
		if v, isVar := obj.(*types.Var); isVar {
			if named, isNamed := types.Unalias(v.Type()).(*types.Named); isNamed && named.Obj() != obj {
				return s.objDomain(named.Obj(), 0)
			}
		}
		return NoDomain
	}
	if src.result != result {
		return NoDomain
	}
	return src.domain
}

// mark records that obj holds codes of domain d, and reports whether that
// is news.
func (s *store) mark(obj types.Object, d Domain, result int) bool {
	if obj == nil || d == NoDomain {
		return false
	}
	obj = exprinfo.Origin(obj)
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
		if sig, ok := t.Underlying().(*types.Signature); ok {
			// A variable bound to a literal that returns codes.
			if result >= sig.Results().Len() || !exprinfo.IsCodeType(sig.Results().At(result).Type()) {
				return false
			}
			break
		}
		if !exprinfo.IsCodeType(t) {
			return false
		}
	case *types.Func:
		results := obj.Signature().Results()
		if result >= results.Len() || !exprinfo.IsCodeType(results.At(result).Type()) {
			return false
		}
	}
	s.sources[obj] = source{domain: d, result: result}
	return true
}

// rootObject returns the declaration an expression reads: a variable, a
// field, or the function a call calls.
func (s *store) rootObject(e ast.Expr) types.Object {
	info := s.pass.TypesInfo
	if v := exprinfo.Var(info, e); v != nil {
		return v
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			return s.rootObject(call.Args[0])
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Signature().Results().Len() == 1 {
			return fn
		}
	}
	return nil
}
