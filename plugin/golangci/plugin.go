// Package golangci registers errcodelint as a golangci-lint v2 module
// plugin (https://golangci-lint.run/plugins/module-plugins/).
//
// A custom golangci-lint built with this package imported (make golangci,
// or golangci-lint custom with .custom-gcl.yml) runs errcodelint when
// .golangci.yml enables it:
//
//	version: "2"
//	linters:
//	  enable:
//	    - errcodelint
//	  settings:
//	    custom:
//	      errcodelint:
//	        type: module
//	        description: COS v4 response codes
//	        settings:
//	          include-zero: true
//	          generated: false
//	          sources:
//	            - name: example.com/cos.Response.Code
//	            - name: example.com/cos.Result.Status
//	              domain: http
//	          disable: [reuploadretry]   # checks not to run, by analyzer name
//
// golangci-lint lower-cases setting keys and splits keys on dots, so the
// sources are a list of objects rather than a map keyed by names.
//
// The plugin registers two kinds of linter, with the same settings:
// errcodelint runs errcodelint's analyzers and reports every category, and
// errcodelint_magic_code, errcodelint_unknown_code,
// errcodelint_reupload_retry, errcodelint_unchecked_slice,
// errcodelint_swallowed_failure, errcodelint_message_compared and
// errcodelint_directive report one category
// each, for reports that name findings by linter (SARIF's ruleId). Enable
// one kind or the other; the category linters share one analysis when
// their settings are equal (a YAML anchor keeps them so). In both, the
// related information of a finding is part of its message, so that a
// //nolint on the finding's line silences all of it.
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer"
)

// Name is the plugin's name: the key under linters.settings.custom and in
// linters.enable.
const Name = "errcodelint"

func init() {
	register.Plugin(Name, New)
	for _, c := range Categories {
		register.Plugin(CategoryLinter(c), newCategory(c))
	}
}

// Settings are the plugin's settings in .golangci.yml. Unknown keys are
// errors.
type Settings struct {
	// IncludeZero also reports the literal 0 (success) compared with a
	// response code (the -include-zero flag).
	IncludeZero bool `json:"include-zero"`
	// Generated also checks generated files (the -generated flag).
	Generated bool `json:"generated"`
	// Sources names more declarations that hold response codes (the
	// -sources flag): each has a qualified name and a domain, "code" (the
	// default) or "http".
	Sources []analyzer.Source `json:"sources"`
	// Disable names checks not to run, by their analyzer names
	// (codeconst, reuploadretry).
	Disable []string `json:"disable"`
}

// Config returns the analyzer configuration the settings describe.
func (s Settings) Config() *analyzer.Config {
	return &analyzer.Config{
		IncludeZero: s.IncludeZero,
		Generated:   s.Generated,
		Sources:     append([]analyzer.Source(nil), s.Sources...),
		Disable:     append([]string(nil), s.Disable...),
	}
}

// settingsHelp summarizes the settings for decoding errors.
const settingsHelp = "want include-zero: bool, generated: bool, sources: a list of {name: example.com/pkg.Type.Field, domain: code|http}, disable: a list of check names"

// Plugin is one linter of the errcodelint module plugin.
type Plugin struct {
	cfg      *analyzer.Config
	settings Settings
	category string // "" for the errcodelint linter
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and validates the settings of the errcodelint linter.
func New(raw any) (register.LinterPlugin, error) {
	return decode(raw, "")
}

// newCategory returns the constructor of a category's linter.
func newCategory(category string) register.NewPlugin {
	return func(raw any) (register.LinterPlugin, error) { return decode(raw, category) }
}

func decode(raw any, category string) (*Plugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("errcodelint: invalid settings: %w (%s)", err, settingsHelp)
	}
	cfg := s.Config()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("errcodelint: invalid settings: %w", err)
	}
	return &Plugin{cfg: cfg, settings: s, category: category}, nil
}

// BuildAnalyzers returns the errcodelint linter's analyzers, errcodelint's
// own configured by the settings (each call new ones), or a category
// linter's one analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	if p.category != "" {
		return []*analysis.Analyzer{categoryAnalyzer(p.category, p.settings)}, nil
	}
	as := analyzer.New(p.cfg)
	for _, a := range as {
		foldReports(a)
	}
	return as, nil
}

// GetLoadMode reports that errcodelint needs type information.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
