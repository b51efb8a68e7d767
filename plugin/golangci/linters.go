package golangci

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/analyzer/codeconst"
	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/message"
	"github.com/errcodelint/errcodelint/analyzer/reupload"
	"github.com/errcodelint/errcodelint/analyzer/swallowed"
	"github.com/errcodelint/errcodelint/analyzer/unchecked"
)

// Categories are errcodelint's diagnostic categories. Each is also a
// linter of its own, CategoryLinter(category), for the reports where
// golangci-lint names a finding by its linter alone: the SARIF printer's
// ruleId is the linter (pkg/printers/sarif.go), so under the
// errcodelint linter every result's ruleId is "errcodelint".
var Categories = []string{
	codeconst.CategoryMagic, codeconst.CategoryUnknown, reupload.Category,
	unchecked.Category, swallowed.Category, message.Category,
	evidence.CategoryDirective,
}

// CategoryLinter returns the name of the linter that reports one category:
// errcodelint_magic_code for magic-code. golangci-lint requires analyzer
// names to be identifiers, and prefixes the message with the analyzer's
// name where it differs from the linter's, so the two are one identifier.
func CategoryLinter(category string) string {
	return Name + "_" + strings.ReplaceAll(category, "-", "_")
}

// categoryAnalyzer returns the analyzer of a category's linter: it
// requires errcodelint's analyzers, shared by the category linters of
// equal settings (golangci-lint runs a required analyzer once per package
// however many analyzers require it), and reports what they found in its
// category.
func categoryAnalyzer(category string, s Settings) *analysis.Analyzer {
	sh := sharedSuite(s)
	return &analysis.Analyzer{
		Name:     CategoryLinter(category),
		Doc:      "report errcodelint's " + category + " findings",
		URL:      sh.analyzers[0].URL,
		Requires: sh.analyzers,
		Run: func(pass *analysis.Pass) (any, error) {
			for _, d := range sh.found(pass.Pkg) {
				if d.Category == category {
					pass.Report(d)
				}
			}
			return nil, nil
		},
	}
}

// A suite is errcodelint's analyzers with one configuration, whose
// diagnostics, related information folded, are kept for the category
// linters instead of being reported.
type suite struct {
	analyzers []*analysis.Analyzer
	mu        sync.Mutex
	diags     map[*types.Package][]analysis.Diagnostic
}

var (
	suitesMu sync.Mutex
	suites   = map[string]*suite{}
)

// sharedSuite returns the suite for the settings, one per distinct
// settings. Its analyzers' names carry a hash of the settings, because
// golangci-lint caches facts by analyzer name: two suites of different
// settings in one run must not share them.
func sharedSuite(s Settings) *suite {
	key, err := json.Marshal(s)
	if err != nil {
		panic(err) // Settings holds bools, strings and lists of them
	}
	suitesMu.Lock()
	defer suitesMu.Unlock()
	if sh, ok := suites[string(key)]; ok {
		return sh
	}
	sh := &suite{analyzers: analyzer.New(s.Config()), diags: map[*types.Package][]analysis.Diagnostic{}}
	sum := sha256.Sum256(key)
	for _, a := range sh.analyzers {
		a.Name = fmt.Sprintf("%s_%x", a.Name, sum[:4])
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			keep := *pass
			keep.Report = func(d analysis.Diagnostic) {
				sh.mu.Lock()
				defer sh.mu.Unlock()
				sh.diags[pass.Pkg] = append(sh.diags[pass.Pkg], foldRelated(pass.Fset, d))
			}
			return run(&keep)
		}
	}
	suites[string(key)] = sh
	return sh
}

// found returns the diagnostics the suite's analyzers reported on pkg,
// all of which have run (the category analyzer requires them).
func (sh *suite) found(pkg *types.Package) []analysis.Diagnostic {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return sh.diags[pkg]
}
