package evidence

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
)

// ParseSources parses the value of the -sources flag: comma-separated
// qualified names, each optionally prefixed with "http:".
func ParseSources(v string) ([]Source, error) {
	var out []Source
	for item := range strings.SplitSeq(v, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		s := Source{Name: item}
		if rest, ok := strings.CutPrefix(item, "http:"); ok {
			s = Source{Name: rest, Domain: "http"}
		}
		if _, err := parseSource(s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Package returns the import path of the package s names a declaration
// of ("example.com/cos" for example.com/cos.Response.Code).
func (s Source) Package() (string, error) {
	ref, err := parseSource(s)
	return ref.pkg, err
}

// CheckSource reports why s matches no declaration of pkg, the package it
// names, that can hold response codes: nil when it names a field or a
// package-level variable of integer or string type (or a channel of one),
// a function or method whose first result is one, or a named integer or
// string type. The analyzers ignore such a source (the packages they
// analyze may not see pkg at all), so the commands check the names
// against the packages before analyzing (cmd/errcodelint).
func CheckSource(pkg *types.Package, s Source) error {
	ref, err := parseSource(s)
	if err != nil {
		return err
	}
	obj, err := lookupSource(pkg, ref)
	if err != nil {
		return fmt.Errorf("source %s: %v", s.Name, err)
	}
	what, ok := holdsCodes(obj)
	if !ok {
		return fmt.Errorf("source %s: %s, which cannot hold a response code (want an integer or string field or variable, a function returning one, or a named integer type)", s.Name, what)
	}
	return nil
}

// lookupSource returns the declaration ref names in p.
func lookupSource(p *types.Package, ref sourceRef) (types.Object, error) {
	obj := p.Scope().Lookup(ref.names[0])
	if obj == nil {
		return nil, fmt.Errorf("package %s declares no %s%s", p.Path(), ref.names[0], suggest(p.Scope().Names(), ref.names[0]))
	}
	if len(ref.names) == 1 {
		return obj, nil
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return nil, fmt.Errorf("%s.%s is a %s, not a type with members", p.Path(), ref.names[0], kindOf(obj))
	}
	member, _, _ := types.LookupFieldOrMethod(tn.Type(), true, p, ref.names[1])
	if member == nil {
		return nil, fmt.Errorf("type %s has no field or method %s%s", tn.Name(), ref.names[1], suggest(memberNames(tn), ref.names[1]))
	}
	return member, nil
}

// holdsCodes reports whether obj's values can be codes, and otherwise
// describes it.
func holdsCodes(obj types.Object) (string, bool) {
	switch obj := obj.(type) {
	case *types.Var:
		t := obj.Type()
		if ch, ok := t.Underlying().(*types.Chan); ok {
			t = ch.Elem()
		}
		return fmt.Sprintf("a %s of type %s", kindOf(obj), obj.Type()), exprinfo.IsCodeType(t)
	case *types.Func:
		results := obj.Signature().Results()
		if results.Len() == 0 {
			return fmt.Sprintf("a %s without results", kindOf(obj)), false
		}
		return fmt.Sprintf("a %s whose first result is %s", kindOf(obj), results.At(0).Type()), exprinfo.IsCodeType(results.At(0).Type())
	case *types.TypeName:
		return fmt.Sprintf("type %s (%s)", obj.Name(), obj.Type().Underlying()), exprinfo.IsCodeType(obj.Type())
	}
	return "a " + kindOf(obj), false
}

func kindOf(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Var:
		if obj.IsField() {
			return "field"
		}
		return "variable"
	case *types.Func:
		if obj.Signature().Recv() != nil {
			return "method"
		}
		return "function"
	case *types.Const:
		return "constant"
	case *types.TypeName:
		return "type"
	}
	return "declaration"
}

// memberNames returns the fields and methods of the named type.
func memberNames(tn *types.TypeName) []string {
	var names []string
	if st, ok := tn.Type().Underlying().(*types.Struct); ok {
		for f := range st.Fields() {
			names = append(names, f.Name())
		}
	}
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	for i := range ms.Len() {
		names = append(names, ms.At(i).Obj().Name())
	}
	return names
}

// suggest returns "; did you mean X?" for the name among names that
// differs from name only in case, by one character, or by two adjacent
// characters swapped.
func suggest(names []string, name string) string {
	for _, n := range names {
		if strings.EqualFold(n, name) || oneEditApart(n, name) {
			return "; did you mean " + n + "?"
		}
	}
	return ""
}

// oneEditApart reports whether a and b differ by one inserted, deleted or
// replaced byte, or two adjacent bytes swapped.
func oneEditApart(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) != len(b) {
		return a[i+1:] == b[i:]
	}
	swapped := i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	return swapped || a[i+1:] == b[i+1:]
}
