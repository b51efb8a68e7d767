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

// Plugin is the errcodelint module plugin.
type Plugin struct {
	cfg *analyzer.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and validates the plugin's settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("errcodelint: invalid settings: %w (%s)", err, settingsHelp)
	}
	cfg := s.Config()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("errcodelint: invalid settings: %w", err)
	}
	return &Plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns errcodelint's analyzers configured by the
// settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzer.New(p.cfg), nil
}

// GetLoadMode reports that errcodelint needs type information.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
