package golangci_test

import (
	"encoding/json"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/plugin/golangci"
)

// settings parses YAML-like settings as golangci-lint hands them over: a
// map[string]any after its own decoding (keys lower-cased).
func settings(t *testing.T, js string) any {
	t.Helper()
	if js == "" {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("errcodelint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, analyzer.Names) {
		t.Fatalf("BuildAnalyzers() = %v, want errcodelint's analyzers %v", names, analyzer.Names)
	}
	if got := flagOf(t, as, "include-zero").Value.String(); got != "false" {
		t.Errorf("default include-zero = %s, want false", got)
	}
}

// flagOf returns the flag of that name of one of the analyzers.
func flagOf(t *testing.T, as []*analysis.Analyzer, name string) *flag.Flag {
	t.Helper()
	for _, a := range as {
		if f := a.Flags.Lookup(name); f != nil {
			return f
		}
	}
	t.Fatalf("no analyzer has a flag %s", name)
	return nil
}

// TestDisable checks that a check named in disable is not built, and
// that a name that is no check is an error.
func TestDisable(t *testing.T) {
	p, err := golangci.New(settings(t, `{"disable": ["reuploadretry"]}`))
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Name == "reuploadretry" {
			t.Error("reuploadretry built although disabled")
		}
	}
	if len(as) != len(analyzer.Names)-1 {
		t.Errorf("%d analyzers, want %d", len(as), len(analyzer.Names)-1)
	}
	for _, bad := range []string{`{"disable": ["reupload-retry"]}`, `{"disable": ["coscodes"]}`} {
		if _, err := golangci.New(settings(t, bad)); err == nil || !strings.Contains(err.Error(), "is not a check") {
			t.Errorf("New(%s) error = %v, want \"is not a check\"", bad, err)
		}
	}
}

func TestSettings(t *testing.T) {
	raw := settings(t, `{
		"include-zero": true,
		"generated": true,
		"sources": [
			{"name": "example.com/cos.Response.Code"},
			{"name": "example.com/cos.Result.Status", "domain": "http"}
		]
	}`)
	p, err := golangci.New(raw)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for flag, want := range map[string]string{
		"include-zero": "true",
		"generated":    "true",
		"sources":      "example.com/cos.Response.Code,http:example.com/cos.Result.Status",
	} {
		if got := flagOf(t, as, flag).Value.String(); got != want {
			t.Errorf("flag %s = %q, want %q", flag, got, want)
		}
	}

	// Each BuildAnalyzers call gets its own analyzers and configuration:
	// setting a flag on one must not leak into the other or into the
	// package-level analyzers.
	as2, _ := p.BuildAnalyzers()
	for i := range as {
		if as2[i] == as[i] {
			t.Errorf("BuildAnalyzers returned %s twice", as[i].Name)
		}
	}
}

func TestInvalidSettings(t *testing.T) {
	for _, tc := range []struct {
		name, settings, want string
	}{
		{"unknown key", `{"include_zero": true}`, `unknown field "include_zero"`},
		{"map of sources", `{"sources": {"example.com/cos.Response.Code": "code"}}`, "cannot unmarshal object"},
		{"map of sources hint", `{"sources": {"example.com/cos.Response.Code": "code"}}`, "sources: a list of {name: "},
		{"wrong type", `{"generated": "yes"}`, "cannot unmarshal string"},
		{"bad domain", `{"sources": [{"name": "example.com/cos.Response.Code", "domain": "grpc"}]}`, `domain "grpc" is neither`},
		{"unqualified name", `{"sources": [{"name": "Code"}]}`, "want a qualified name"},
		{"unknown source key", `{"sources": [{"name": "example.com/cos.Response.Code", "kind": "http"}]}`, `unknown field "kind"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := golangci.New(settings(t, tc.settings))
			if err == nil {
				t.Fatalf("New(%s) succeeded, want an error", tc.settings)
			}
			if !strings.Contains(err.Error(), "errcodelint: invalid settings") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New(%s) error = %q, want it to mention %q", tc.settings, err, tc.want)
			}
		})
	}
}
