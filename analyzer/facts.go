package analyzer

// codeSourceFact marks a declaration whose values are response codes: a
// struct field, a package-level variable, a named type, or a function
// whose result (at index Result) is one. It lets importing packages see
// codes that flow out of the package that found them.
type codeSourceFact struct {
	Domain domain
	Result int // for functions: the index of the result that holds the code
}

func (*codeSourceFact) AFact() {}

func (f *codeSourceFact) String() string { return "code source: " + f.Domain.String() }
