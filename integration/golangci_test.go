package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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
		text := is.Text
		switch {
		case is.FromLinter == "errcodelint":
			// golangci-lint names the analyzer of a linter that has several.
			check, rest, ok := strings.Cut(is.Text, ": ")
			if !ok || !slices.Contains(analyzer.Names, check) {
				t.Errorf("issue text %q does not start with the name of errcodelint's check", is.Text)
			}
			text = rest
		case strings.HasPrefix(is.FromLinter, "errcodelint_"):
			// A category's linter, whose one analyzer has its name.
		default:
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
		}
		// golangci-lint applies every fix it is offered: one per magic
		// code and per message comparison, none for the others.
		want := 0
		if magicRx.MatchString(text) || messageRx.MatchString(text) {
			want = 1
		}
		if len(is.SuggestedFixes) != want {
			t.Errorf("%s:%d: %d suggested fixes, want %d", is.Pos.Filename, is.Pos.Line, len(is.SuggestedFixes), want)
		}
		fs = append(fs, fixture.Finding{File: filepath.Base(is.Pos.Filename), Line: is.Pos.Line, Col: is.Pos.Column, Message: text})
	}
	return r, fs
}

// categoryOf maps the checks of upload.go's findings to their categories.
var categoryOf = map[string]string{
	"reuploadretry":    "reupload-retry",
	"uncheckedslice":   "unchecked-slice",
	"swallowedfailure": "swallowed-failure",
	"messagecompared":  "message-compared",
}

// categoryConfig is a .golangci.yml that enables errcodelint's category
// linters, one set of settings for all (a YAML anchor).
func categoryConfig(settings string) string {
	cfg := `version: "2"
linters:
  default: none
  enable:
    - errcodelint_magic_code
    - errcodelint_unknown_code
    - errcodelint_reupload_retry
    - errcodelint_unchecked_slice
    - errcodelint_swallowed_failure
    - errcodelint_message_compared
    - errcodelint_directive
  settings:
    custom:
      errcodelint_magic_code: &errcodelint
        type: module
        description: COS v4 response codes
`
	if settings != "" {
		cfg += "        settings:\n" + settings
	}
	return cfg + `      errcodelint_unknown_code: *errcodelint
      errcodelint_reupload_retry: *errcodelint
      errcodelint_unchecked_slice: *errcodelint
      errcodelint_swallowed_failure: *errcodelint
      errcodelint_message_compared: *errcodelint
      errcodelint_directive: *errcodelint
`
}

// resendSource is a file added to the fixture: a slice resent in the same
// session on a reupload code, a finding with related information (the
// loop), at resendLine.
const resendSource = `package cosclient

import (
	"net/http"
	"net/url"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// SendSlices sends the slices of an open session, resending a slice that
// failed.
func SendSlices(c *http.Client, path, session string, slices []string) error {
	for i := 0; i < len(slices); {
		r, err := Do(c, path, url.Values{"op": {"upload_slice_data"}, "session": {session}, "filecontent": {slices[i]}})
		if err != nil {
			return err
		}
		if r.Code == catalog.ErrOffsetToZero {COMMENT
			time.Sleep(time.Second)
			continue
		}
		if err := Check(r); err != nil {
			return err
		}
		i++
	}
	return nil
}
`

const resendLine = 19

func writeResend(t *testing.T, dir, comment string) {
	t.Helper()
	src := strings.Replace(resendSource, "COMMENT", comment, 1)
	if err := os.WriteFile(filepath.Join(dir, "resend.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

type sarifResult struct{ ruleID, at string }

// sarifResults reads golangci-lint's SARIF report: each result's ruleId
// and base-name:line.
func sarifResults(t *testing.T, path string) []sarifResult {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF report: %v\n%s", err, data)
	}
	var out []sarifResult
	for _, run := range log.Runs {
		for _, res := range run.Results {
			at := ""
			if len(res.Locations) > 0 {
				loc := res.Locations[0].PhysicalLocation
				at = filepath.Base(loc.ArtifactLocation.URI) + ":" + strconv.Itoa(loc.Region.StartLine)
			}
			out = append(out, sarifResult{res.RuleID, at})
		}
	}
	return out
}

var (
	magicRx   = regexp.MustCompile(`^-?\d+ is (catalog|http)\.`)
	messageRx = regexp.MustCompile(`^message compared instead of code: "[^"]*" is the message of`)
)

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
		r.WantCode(t, golangciIssuesFound) // the findings no fix answers
		fixture.CheckFixed(t, dir, fixture.FixedFiles(t, fixture.IncludeZero, fixture.Sources)...)
		// What is left is the findings no fix answers (their lines moved
		// with the imports the fixes added).
		r, fs := golangciLint(t, bin, dir, golangciConfig(allSettings))
		r.WantCode(t, golangciIssuesFound)
		fixture.CheckFixless(t, fs, fixture.IncludeZero, fixture.Sources)
	})
	t.Run("check turned off by name", func(t *testing.T) {
		for _, check := range fixture.Checks(t) {
			dir := fixture.Copy(t)
			r, fs := golangciLint(t, bin, dir, golangciConfig("          disable: ["+check+"]\n"))
			r.WantCode(t, golangciIssuesFound)
			fixture.CheckWithout(t, fs, check)
		}
	})
	t.Run("related information", func(t *testing.T) {
		dir := fixture.Copy(t)
		writeResend(t, dir, "")
		r, fs := golangciLint(t, bin, dir, golangciConfig(""))
		r.WantCode(t, golangciIssuesFound)
		var resend []fixture.Finding
		for _, f := range fs {
			if f.File == "resend.go" {
				resend = append(resend, f)
			}
		}
		// One issue, which says where the loop is; no issue of its own
		// for the loop.
		if len(resend) != 1 || resend[0].Line != resendLine ||
			!strings.HasSuffix(resend[0].Message, "(the slice-upload loop at line 14)") {
			t.Errorf("resend.go: %v, want one finding at line %d that names the loop", resend, resendLine)
		}
	})
	t.Run("nolint with related information", func(t *testing.T) {
		dir := fixture.Copy(t)
		writeResend(t, dir, " //nolint:errcodelint // a new upload is started by the caller")
		r, fs := golangciLint(t, bin, dir, golangciConfig(""))
		r.WantCode(t, golangciIssuesFound) // slice.go's finding remains
		for _, f := range fs {
			if f.File == "resend.go" {
				t.Errorf("//nolint:errcodelint left %v", f)
			}
		}
	})
	t.Run("sarif rule ids", func(t *testing.T) {
		dir := fixture.Copy(t)
		writeResend(t, dir, "")
		sarif := filepath.Join(t.TempDir(), "report.sarif")
		r, _ := golangciLint(t, bin, dir, categoryConfig(""), "--output.sarif.path="+sarif)
		r.WantCode(t, golangciIssuesFound)
		results := sarifResults(t, sarif)
		want := map[string]string{ // file:line -> rule
			"slice.go:20":                           "errcodelint_magic_code",
			"resend.go:" + strconv.Itoa(resendLine): "errcodelint_reupload_retry",
		}
		for _, w := range fixture.WantsWith(t) {
			if w.File == "upload.go" {
				want[w.File+":"+strconv.Itoa(w.Line)] = "errcodelint_" + strings.ReplaceAll(categoryOf[fixture.CheckOf(w)], "-", "_")
			}
		}
		if len(results) != len(want) {
			t.Errorf("%d SARIF results, want %d: %v", len(results), len(want), results)
		}
		for _, res := range results {
			if rule, ok := want[res.at]; !ok || rule != res.ruleID {
				t.Errorf("SARIF result %s: ruleId %s, want %q", res.at, res.ruleID, rule)
			}
		}
	})
	t.Run("category linters", func(t *testing.T) {
		dir := fixture.Copy(t)
		r, fs := golangciLint(t, bin, dir, categoryConfig(allSettings))
		r.WantCode(t, golangciIssuesFound)
		fixture.Check(t, fs, fixture.IncludeZero, fixture.Sources)
		for _, f := range fs {
			if strings.HasPrefix(f.Message, "errcodelint") {
				t.Errorf("%v: the message is prefixed with an analyzer name", f)
			}
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
		r.WantCode(t, golangciIssuesFound) // the other files' findings
		fixture.CheckKept(t, fs, func(w fixture.Want) bool { return w.File != "slice.go" })
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
