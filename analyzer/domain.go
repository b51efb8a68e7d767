package analyzer

import "github.com/errcodelint/errcodelint/catalog"

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
	return v > 0 && v < len(standardStatuses) && standardStatuses[v]
}

// standardStatuses are the statuses net/http.StatusText names (a test
// keeps them equal). Importing net/http for them would link and initialise
// it in every go vet process of the tool.
var standardStatuses = func() (s [512]bool) {
	for _, r := range [][2]int{
		{100, 103}, {200, 208}, {226, 226}, {300, 305}, {307, 308},
		{400, 418}, {421, 426}, {428, 429}, {431, 431}, {451, 451},
		{500, 508}, {510, 511},
	} {
		for v := r[0]; v <= r[1]; v++ {
			s[v] = true
		}
	}
	return s
}()
