package upload

import (
	"go/ast"

	"github.com/errcodelint/errcodelint/analyzer/internal/codeset"
)

// A Cond is what a condition says about the response code of the last
// reply, on one edge: the condition, or its negation for the other edge.
type Cond struct{ c condInfo }

// Mentions reports whether the condition looks at a response code at all.
func (c Cond) Mentions() bool { return c.c.mentions }

// Sel holds the codes for which the condition holds, the parts that do
// not look at a code taken as neutral: for `err != nil || resp.Code != 0`,
// every non-zero code.
func (c Cond) Sel() codeset.Set { return c.c.sel }

// Opaque reports whether the condition decides on the code in a way that
// cannot be read (isTransient(code), errors.Is(err, errSession)).
func (c Cond) Opaque() bool { return c.c.opaque }

// At is the comparison that looks at the code, for reports.
func (c Cond) At() ast.Node { return c.c.at }

// Filter returns the codes of p for which the edge may be taken. When
// the condition decides on the code in a way that cannot be read, it may
// take the reupload codes out: they are not assumed to pass.
func (c Cond) Filter(p codeset.Set) codeset.Set {
	p = p.Inter(c.c.may)
	if c.c.opaque {
		var named codeset.Set
		for _, n := range c.c.explicit {
			if c.c.sel.HasValue(n.value) {
				named = named.Union(codeset.Of(n.value))
			}
		}
		p = p.Minus(codeset.Reupload().Minus(named))
	}
	return p
}

// A NamedCode is a code a condition selects by name, and the expression
// that names it.
type NamedCode struct {
	Value int
	Expr  ast.Expr
	// Via names the retry classifier or set that selects the code; "" when
	// the code is spelled in the condition.
	Via string
}

// Named returns the codes of p the condition selects by name: equality
// operands, case values, and the yes-answers of retry classifiers.
func (c Cond) Named(p codeset.Set) []NamedCode {
	var out []NamedCode
	for _, n := range c.c.selected(p) {
		out = append(out, NamedCode{Value: n.value, Expr: n.expr, Via: n.via})
	}
	return out
}
