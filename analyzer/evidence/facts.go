package evidence

import "go/types"

// codeSourceFact marks a declaration whose values are response codes: a
// struct field, a package-level variable, a named type, or a function
// whose result (at index Result) is one. It lets importing packages see
// codes that flow out of the package that found them.
type codeSourceFact struct {
	Domain Domain
	Result int // for functions: the index of the result that holds the code
}

func (*codeSourceFact) AFact() {}

func (f *codeSourceFact) String() string { return "code source: " + f.Domain.String() }

// exportFacts publishes the package-level declarations found to hold codes,
// so that importing packages see the codes that flow out of this one.
func (s *store) exportFacts() {
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
