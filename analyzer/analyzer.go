package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/reupload"
)

// Analyzer is errcodelint with its default configuration, bound to its
// command-line flags.
var Analyzer = New(&Config{})

// New returns an errcodelint analyzer that uses cfg. The analyzer's flags
// write to cfg, so each analyzer should get its own.
func New(cfg *Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "errcodelint",
		Doc:       doc,
		URL:       "https://github.com/errcodelint/errcodelint",
		Run:       gated(cfg, func(pass *analysis.Pass) (any, error) { return run(pass, cfg) }),
		FactTypes: append([]analysis.Fact{new(codeSourceFact)}, reupload.FactTypes...),
	}
	cfg.bindFlags(&a.Flags)
	return a
}
