package evidence

import (
	"flag"
	"fmt"
	"strings"
)

// Config holds the evidence analyzer's settings. New binds them to the
// analyzer's flags; the golangci-lint plugin fills them from its settings.
type Config struct {
	// Generated also reports in files marked "Code generated ... DO NOT
	// EDIT.": every check's diagnostics go through the evidence's filter.
	Generated bool
	// Sources names more expressions that hold response codes, for code
	// the heuristics do not see.
	Sources []Source
	// Ungated analyzes every package, also those that nothing ties to the
	// API. Only tests set it: they check that the gate drops nothing
	// (TestRelevanceGateIsSound) and that the heuristics alone stay
	// silent on foreign code (TestSilentOnForeignCode).
	Ungated bool
}

// A Source names one declaration whose values are response codes: a struct
// field ("example.com/cos.Response.Code"), a function or method returning
// a code ("example.com/cos.Error.ErrCode", receiver named without '*'), a
// package-level variable, or a named integer type ("example.com/cos.RetCode").
type Source struct {
	Name string `json:"name" mapstructure:"name"`
	// Domain is "code" (the JSON code field: every family; the default) or
	// "http" (an HTTP status: the backend HTTP and download families).
	Domain string `json:"domain" mapstructure:"domain"`
}

// Validate reports the first malformed setting.
func (c *Config) Validate() error {
	for _, s := range c.Sources {
		if _, err := parseSource(s); err != nil {
			return err
		}
	}
	return nil
}

// sourceRef is a parsed Source: the package path and the dotted name
// inside it.
type sourceRef struct {
	pkg    string
	names  []string // "Response", "Code"
	domain Domain
}

func parseSource(s Source) (sourceRef, error) {
	d, ok := parseDomain(s.Domain)
	if !ok {
		return sourceRef{}, fmt.Errorf("source %q: domain %q is neither %q nor %q", s.Name, s.Domain, "code", "http")
	}
	// The package path may itself contain dots ("example.com/cos"): the
	// names start after the last slash's first dot.
	slash := strings.LastIndex(s.Name, "/")
	dot := strings.Index(s.Name[slash+1:], ".")
	if dot < 0 {
		return sourceRef{}, fmt.Errorf("source %q: want a qualified name such as example.com/cos.Response.Code", s.Name)
	}
	dot += slash + 1
	names := strings.Split(s.Name[dot+1:], ".")
	if len(names) > 2 || s.Name[:dot] == "" || strings.ContainsAny(s.Name, ": \t") {
		return sourceRef{}, fmt.Errorf("source %q: want package.Name or package.Type.Member", s.Name)
	}
	for _, n := range names {
		if n == "" {
			return sourceRef{}, fmt.Errorf("source %q: empty name", s.Name)
		}
	}
	return sourceRef{pkg: s.Name[:dot], names: names, domain: d}, nil
}

// sourcesFlag is the -sources flag: a comma-separated list of qualified
// names, each optionally prefixed with "http:" for an HTTP status.
type sourcesFlag struct{ cfg *Config }

func (f sourcesFlag) String() string {
	if f.cfg == nil {
		return ""
	}
	var parts []string
	for _, s := range f.cfg.Sources {
		if s.Domain == "http" {
			parts = append(parts, "http:"+s.Name)
		} else {
			parts = append(parts, s.Name)
		}
	}
	return strings.Join(parts, ",")
}

func (f sourcesFlag) Set(v string) error {
	sources, err := ParseSources(v)
	f.cfg.Sources = append(f.cfg.Sources, sources...)
	return err
}

// bindFlags registers the configuration's flags. Names avoid those of the
// drivers (json, c, fix, diff, test, debug, flags, V).
func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.BoolVar(&c.Generated, "generated", c.Generated, "also check generated files")
	fs.Var(sourcesFlag{c}, "sources", "comma-separated qualified `names` of fields, funcs, vars or types holding response codes (prefix http: for HTTP statuses)")
}
