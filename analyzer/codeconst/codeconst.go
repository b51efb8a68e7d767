package codeconst

import (
	"flag"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogfix"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
)

// Name is the analyzer's name.
const Name = "codeconst"

// Diagnostic categories.
const (
	CategoryMagic   = "magic-code"
	CategoryUnknown = "unknown-code"
)

// URL is the analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/codeconst"

var urls = map[string]string{
	CategoryMagic:   "#hdr-Category_magic_code",
	CategoryUnknown: "#hdr-Category_unknown_code",
}

// Analyzer checks constants against the default evidence analyzer, with
// its default configuration bound to its flags.
var Analyzer = New(evidence.Analyzer, &Config{})

// Config holds the analyzer's settings.
type Config struct {
	// IncludeZero also reports the literal 0 (success) compared with a
	// response code.
	IncludeZero bool
}

func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.BoolVar(&c.IncludeZero, "include-zero", c.IncludeZero, "also report the literal 0 (success) compared with a response code")
}

// New returns the analyzer that checks constants with the evidence of ev
// and the settings of cfg. Its flags write to cfg.
func New(ev *analysis.Analyzer, cfg *Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:             Name,
		Doc:              doc,
		URL:              URL,
		Requires:         []*analysis.Analyzer{ev},
		Run:              func(pass *analysis.Pass) (any, error) { return nil, run(pass, cfg) },
		RunDespiteErrors: true,
	}
	cfg.bindFlags(&a.Flags)
	return a
}

func run(pass *analysis.Pass, cfg *Config) error {
	ev := evidence.Of(pass)
	if !ev.Relevant() {
		return nil
	}
	rep := report.New(pass, ev, urls)
	ck := &checker{pass: pass, ev: ev, cfg: cfg, fixes: catalogfix.New(pass), report: rep.Report}
	syn := ev.Syntax()
	ck.own = ck.ownValues(syn.Flows)
	ck.compared = ck.comparedValues(syn)
	ck.checkComparisons(syn.Comparisons)
	ck.checkAssignedValues(syn)
	ck.fixes.Complete(ck.report)
	rep.Flush()
	return nil
}
