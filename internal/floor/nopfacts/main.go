// Command nopfacts is the cost floor of an analyzer with facts: it declares
// a fact type, so the drivers load every dependency from source and run it
// there too, as they do for errcodelint; it exports no fact and reports
// nothing. See internal/floor.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// unusedFact is declared and never exported: declaring a fact type is what
// changes how the drivers load.
type unusedFact struct{}

func (*unusedFact) AFact() {}

var Analyzer = &analysis.Analyzer{
	Name:      "nopfacts",
	Doc:       "do nothing after loading every dependency from source for facts",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(unusedFact)},
}

func main() { singlechecker.Main(Analyzer) }
