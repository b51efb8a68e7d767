// Command nop is the cost floor of an analyzer without facts: it loads and
// type-checks the packages it is given, as errcodelint -facts=false does,
// and reports nothing. See internal/floor.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var Analyzer = &analysis.Analyzer{
	Name: "nop",
	Doc:  "do nothing after loading and type-checking the packages",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(Analyzer) }
