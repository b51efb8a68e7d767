package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/internal/fixture"
)

// golangci-lint's exit codes (pkg/exitcodes).
const (
	golangciIssuesFound = 1
	golangciFailure     = 3
)

// golangciConfig is a .golangci.yml that enables only errcodelint, with
// the given plugin settings (YAML lines under settings:, indented by the
// caller).
func golangciConfig(settings string) string {
	cfg := `version: "2"
linters:
  default: none
  enable:
    - errcodelint
  settings:
    custom:
      errcodelint:
        type: module
        description: COS v4 response codes
`
	if settings != "" {
		cfg += "        settings:\n" + settings
	}
	return cfg
}

// allSettings turns on every setting the fixture's findings depend on.
var allSettings = `          include-zero: true
          sources:
            - name: ` + fixture.SourceName + `
              domain: code
`

type golangciReport struct {
	Issues []struct {
		FromLinter string
		Text       string
		Pos        struct {
			Filename     string
			Line, Column int
		}
		SuggestedFixes []struct{ Message string }
	}
}

// golangciLint runs the custom golangci-lint in a copy of the fixture with
// the configuration cfg and returns the fixture.Result and the JSON report's
// findings.
func golangciLint(t *testing.T, bin, dir, cfg string, args ...string) (fixture.Result, []fixture.Finding) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(t.TempDir(), "report.json")
	env := []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}
	// Each run has a cache of its own, so runs need not wait for each
	// other's lock.
	args = append(append([]string{"run", "--allow-parallel-runners", "--output.json.path=" + report, "--output.text.path=stdout"}, args...), "./...")
	r := fixture.Run(t, dir, env, bin, args...)
	data, err := os.ReadFile(report)
	if err != nil {
		return r, nil
	}
	var rep golangciReport
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("golangci-lint JSON report: %v\n%s", err, data)
	}
	var fs []fixture.Finding
	for _, is := range rep.Issues {
		if is.FromLinter != "errcodelint" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
		}
		if len(is.SuggestedFixes) != 1 {
			t.Errorf("%s:%d: %d suggested fixes, want 1", is.Pos.Filename, is.Pos.Line, len(is.SuggestedFixes))
		}
		// golangci-lint names the analyzer of a linter that has several.
		check, text, ok := strings.Cut(is.Text, ": ")
		if !ok || !slices.Contains(analyzer.Names, check) {
			t.Errorf("issue text %q does not start with the name of errcodelint's check", is.Text)
		}
		fs = append(fs, fixture.Finding{File: filepath.Base(is.Pos.Filename), Line: is.Pos.Line, Col: is.Pos.Column, Message: text})
	}
	return r, fs
}

func TestGolangciLint(t *testing.T) {
	bin := tool(t, "ERRCODELINT_GOLANGCI_LINT", "golangci-test")

	t.Run("version", func(t *testing.T) {
		r := fixture.Run(t, fixture.Root(), nil, bin, "version")
		r.WantCode(t, 0)
		if !strings.Contains(r.Stdout+r.Stderr, "2.15.0+errcodelint") {
			t.Errorf("version output lacks 2.15.0+errcodelint")
		}
	})
	t.Run("default settings", func(t *testing.T) {
		dir := fixture.Copy(t)
		r, fs := golangciLint(t, bin, dir, golangciConfig(""))
		r.WantCode(t, golangciIssuesFound)
		fixture.Check(t, fs)
		// The text report names the linter.
		if !strings.Contains(r.Stdout, "slice.go:20:15: codeconst: -4019 is catalog.ErrOffsetToZero") || !strings.Contains(r.Stdout, "(errcodelint)") {
			t.Errorf("text report lacks the -4019 finding")
		}
	})
	t.Run("settings", func(t *testing.T) {
		dir := fixture.Copy(t)
		r, fs := golangciLint(t, bin, dir, golangciConfig(allSettings))
		r.WantCode(t, golangciIssuesFound)
		fixture.Check(t, fs, fixture.IncludeZero, fixture.Sources)
	})
	t.Run("include-zero", func(t *testing.T) {
		dir := fixture.Copy(t)
		r, fs := golangciLint(t, bin, dir, golangciConfig("          include-zero: true\n"))
		r.WantCode(t, golangciIssuesFound)
		fixture.Check(t, fs, fixture.IncludeZero)
	})
	t.Run("fix", func(t *testing.T) {
		dir := fixture.Copy(t)
		r, _ := golangciLint(t, bin, dir, golangciConfig(allSettings), "--fix")
		r.WantCode(t, 0)
		fixture.CheckFixed(t, dir, fixture.FixedFiles(t, fixture.IncludeZero, fixture.Sources)...)
		r, fs := golangciLint(t, bin, dir, golangciConfig(allSettings))
		r.WantCode(t, 0)
		if len(fs) != 0 {
			t.Errorf("after --fix: %v", fs)
		}
	})
	t.Run("nolint", func(t *testing.T) {
		dir := fixture.Copy(t)
		slice := filepath.Join(dir, "slice.go")
		data, err := os.ReadFile(slice)
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(strings.Replace(string(data), "if r.Code == -4019 {", "if r.Code == -4019 { //nolint:errcodelint // resumed below", 1))
		if err := os.WriteFile(slice, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, fs := golangciLint(t, bin, dir, golangciConfig(""))
		r.WantCode(t, 0)
		if len(fs) != 0 {
			t.Errorf("//nolint:errcodelint left %v", fs)
		}
	})
	for _, tc := range []struct{ name, settings, want string }{
		{"invalid key", "          includeZero: true\n", `unknown field "includezero"`},
		{"sources as a map", "          sources:\n            example.com/cos.Response.Code: http\n", "cannot unmarshal object"},
		{"invalid domain", "          sources:\n            - name: example.com/cos.Response.Code\n              domain: grpc\n", `domain "grpc" is neither "code" nor "http"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := fixture.Copy(t)
			r, _ := golangciLint(t, bin, dir, golangciConfig(tc.settings))
			r.WantCode(t, golangciFailure)
			if !strings.Contains(r.Stderr, "errcodelint: invalid settings") || !strings.Contains(r.Stderr, tc.want) {
				t.Errorf("stderr lacks %q", tc.want)
			}
		})
	}
}
