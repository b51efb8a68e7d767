// Package results finds, among the results a pass was given, the one of a
// required analyzer's result type: the checks are built against analyzers
// made for their configuration, so they look a result up by its type.
package results

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
)

// Of returns the result of type T among those the pass was given. It
// panics when there is none: the analyzer does not require the analyzer
// that makes it, which is a programming error.
func Of[T any](pass *analysis.Pass) T {
	for _, r := range pass.ResultOf {
		if t, ok := r.(T); ok {
			return t
		}
	}
	var zero T
	panic(fmt.Sprintf("errcodelint: analyzer %s does not require the analyzer that makes %T", pass.Analyzer.Name, zero))
}
