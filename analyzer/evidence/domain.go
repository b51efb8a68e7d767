package evidence

import "github.com/errcodelint/errcodelint/catalog"

// A Domain says what kind of response code an expression holds, and so
// which catalog families its values are checked against.
type Domain uint8

const (
	NoDomain   Domain = iota
	CodeDomain        // the JSON "code" field: any family (some clients store the HTTP status there)
	HTTPDomain        // an HTTP status: the backend HTTP and download families
)

func parseDomain(s string) (Domain, bool) {
	switch s {
	case "", "code":
		return CodeDomain, true
	case "http":
		return HTTPDomain, true
	}
	return NoDomain, false
}

func (d Domain) String() string {
	switch d {
	case CodeDomain:
		return "response code"
	case HTTPDomain:
		return "HTTP status"
	}
	return "none"
}

// Holds reports whether a catalog entry can be a value of the domain.
func (d Domain) Holds(c catalog.Code) bool {
	switch d {
	case CodeDomain:
		return true
	case HTTPDomain:
		return c.Family.IsHTTPStatus()
	}
	return false
}

// Known returns the catalog entries the value can be in the domain.
func (d Domain) Known(v int) []catalog.Code {
	var out []catalog.Code
	for _, c := range catalog.ByValue(v) {
		if d.Holds(c) {
			out = append(out, c)
		}
	}
	return out
}
