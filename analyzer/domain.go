package analyzer

import (
	"net/http"

	"github.com/errcodelint/errcodelint/catalog"
)

// domain says what kind of response code an expression holds, and so which
// catalog families its values are checked against.
type domain uint8

const (
	noDomain   domain = iota
	codeDomain        // the JSON "code" field: any family (some clients store the HTTP status there)
	httpDomain        // an HTTP status: the backend HTTP and download families
)

func parseDomain(s string) (domain, bool) {
	switch s {
	case "", "code":
		return codeDomain, true
	case "http":
		return httpDomain, true
	}
	return noDomain, false
}

func (d domain) String() string {
	switch d {
	case codeDomain:
		return "response code"
	case httpDomain:
		return "HTTP status"
	}
	return "none"
}

// holds reports whether a catalog entry can be a value of the domain.
func (d domain) holds(c catalog.Code) bool {
	switch d {
	case codeDomain:
		return true
	case httpDomain:
		return c.Family.IsHTTPStatus()
	}
	return false
}

// known returns the catalog entries the value can be in the domain.
func (d domain) known(v int) []catalog.Code {
	var out []catalog.Code
	for _, c := range catalog.ByValue(v) {
		if d.holds(c) {
			out = append(out, c)
		}
	}
	return out
}

// isOtherHTTPStatus reports whether v is a standard HTTP status that the
// code list does not mention: proxies and load balancers answer with those,
// so comparing with one is not an error of this API's.
func isOtherHTTPStatus(v int) bool {
	return v > 0 && http.StatusText(v) != ""
}
