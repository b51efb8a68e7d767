package analyzer

import (
	"fmt"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/codeconst"
	"github.com/errcodelint/errcodelint/analyzer/evidence"
	"github.com/errcodelint/errcodelint/analyzer/message"
	"github.com/errcodelint/errcodelint/analyzer/reupload"
	"github.com/errcodelint/errcodelint/analyzer/swallowed"
	"github.com/errcodelint/errcodelint/analyzer/unchecked"
	"github.com/errcodelint/errcodelint/analyzer/upload"
)

// Analyzers are errcodelint's analyzers with their default configuration,
// bound to their flags: what the errcodelint command runs.
var Analyzers = New(&Config{})

// Config holds the settings of all of errcodelint's analyzers, for the
// drivers that configure them in one place (the golangci-lint plugin, the
// tests).
type Config struct {
	// IncludeZero also reports the literal 0 (success) compared with a
	// response code (codeconst's -include-zero).
	IncludeZero bool
	// Generated also reports in generated files (coscodes's -generated).
	Generated bool
	// Sources names more declarations that hold response codes
	// (coscodes's -sources).
	Sources []Source
	// Disable names checks not to run: analyzer names (reuploadretry).
	// The evidence analyzer runs whenever a check does.
	Disable []string
}

// A Source names one declaration whose values are response codes.
type Source = evidence.Source

// Names lists the names of errcodelint's analyzers, in the order New
// returns them: the evidence and upload analyzers, which report nothing
// but malformed directives, then the checks.
var Names = []string{evidence.Name, upload.Name, codeconst.Name, reupload.Name, unchecked.Name, swallowed.Name, message.Name}

// Validate reports the first malformed setting.
func (c *Config) Validate() error {
	for _, name := range c.Disable {
		if !slices.Contains(Names, name) || name == evidence.Name || name == upload.Name {
			return fmt.Errorf("disable: %q is not a check of errcodelint (want one of %v)", name, Names[2:])
		}
	}
	return c.evidence().Validate()
}

func (c *Config) evidence() *evidence.Config {
	return &evidence.Config{Generated: c.Generated, Sources: append([]Source(nil), c.Sources...)}
}

// New returns errcodelint's analyzers configured by cfg: the evidence
// analyzer and every check not disabled, each requiring the evidence
// analyzer. Each call returns new analyzers, whose flags write to
// configurations of their own, copied from cfg.
func New(cfg *Config) []*analysis.Analyzer { return newSuite(cfg, false) }

// newSuite is New, and with ungated also analyzes the packages that
// nothing ties to the API (for the tests of the gate).
func newSuite(cfg *Config, ungated bool) []*analysis.Analyzer {
	evCfg := cfg.evidence()
	evCfg.Ungated = ungated
	ev := evidence.New(evCfg)
	up := upload.New(ev)
	all := []*analysis.Analyzer{
		ev,
		up,
		codeconst.New(ev, &codeconst.Config{IncludeZero: cfg.IncludeZero}),
		reupload.New(ev, up),
		unchecked.New(ev, up),
		swallowed.New(ev, up),
		message.New(ev),
	}
	all = slices.DeleteFunc(all, func(a *analysis.Analyzer) bool { return slices.Contains(cfg.Disable, a.Name) })
	if !slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return slices.Contains(a.Requires, up) }) {
		all = slices.DeleteFunc(all, func(a *analysis.Analyzer) bool { return a == up }) // no check reads the upload model
	}
	return all
}
