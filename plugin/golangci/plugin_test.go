package golangci_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

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
	if len(as) != 1 || as[0].Name != "errcodelint" {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named errcodelint", as)
	}
	if got := as[0].Flags.Lookup("include-zero").Value.String(); got != "false" {
		t.Errorf("default include-zero = %s, want false", got)
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
	a := as[0]
	for flag, want := range map[string]string{
		"include-zero": "true",
		"generated":    "true",
		"sources":      "example.com/cos.Response.Code,http:example.com/cos.Result.Status",
	} {
		if got := a.Flags.Lookup(flag).Value.String(); got != want {
			t.Errorf("flag %s = %q, want %q", flag, got, want)
		}
	}

	// Each BuildAnalyzers call gets its own analyzer and configuration:
	// setting a flag on one must not leak into the other or into the
	// package-level analyzer.
	as2, _ := p.BuildAnalyzers()
	if as2[0] == a {
		t.Error("BuildAnalyzers returned the same analyzer twice")
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
