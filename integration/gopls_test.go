package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/internal/fixture"
)

// fixtureFiles returns the fixture's Go files, which gopls check takes
// one by one.
func fixtureFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("fixture files: %v %v", files, err)
	}
	return files
}

func TestGopls(t *testing.T) {
	bin := tool(t, "ERRCODELINT_GOPLS", "gopls-test")
	dir := fixture.Copy(t)

	t.Run("version", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, bin, "version")
		r.WantCode(t, 0)
		if !strings.Contains(r.Stdout, "v0.23.0+errcodelint") {
			t.Errorf("version output lacks v0.23.0+errcodelint")
		}
	})

	// gopls runs errcodelint with its default configuration: gopls has
	// no way to set an analyzer's flags.
	t.Run("check", func(t *testing.T) {
		r := fixture.Run(t, dir, nil, bin, append([]string{"check"}, fixtureFiles(t, dir)...)...)
		r.WantCode(t, 0)
		fixture.Check(t, fixture.ParseText(r.Stdout+r.Stderr))
	})

	// While someone types, the package does not type-check: the checks
	// still run (RunDespiteErrors), on what does.
	t.Run("check with a type error", func(t *testing.T) {
		dir := fixture.Copy(t)
		broken := filepath.Join(dir, "broken.go")
		if err := os.WriteFile(broken, []byte("package cosclient\n\nvar typing int = \"not yet\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files := fixtureFiles(t, dir)
		r := fixture.Run(t, dir, nil, bin, append([]string{"check"}, files...)...)
		var findings []fixture.Finding
		typeError := false
		for _, f := range fixture.ParseText(r.Stdout + r.Stderr) {
			if f.File == "broken.go" {
				typeError = true
				continue
			}
			findings = append(findings, f)
		}
		if !typeError {
			t.Errorf("gopls check did not report the type error in broken.go:\n%s", r.Stdout+r.Stderr)
		}
		fixture.Check(t, findings)
	})

	// The fix for each finding is offered as a quick fix at its position,
	// and executing it gives the fixed file.
	t.Run("codeaction", func(t *testing.T) {
		dir := fixture.Copy(t)
		r := fixture.Run(t, dir, nil, bin, append([]string{"check"}, fixtureFiles(t, dir)...)...)
		findings := fixture.ParseText(r.Stdout + r.Stderr)
		fixture.Check(t, findings)
		for _, f := range findings {
			if fixture.IsFixless(t, f) {
				continue
			}
			pos := fmt.Sprintf("%s:%d:%d", filepath.Join(dir, f.File), f.Line, f.Col)
			r := fixture.Run(t, dir, nil, bin, "codeaction", "-kind=quickfix", pos)
			r.WantCode(t, 0)
			if !quickFixRx.MatchString(r.Stdout) {
				t.Errorf("no errcodelint quick fix at %s", pos)
			}
			if f.File == "slice.go" && !strings.Contains(r.Stdout, `edit	"Replace -4019 with catalog.ErrOffsetToZero" [quickfix]`) {
				t.Errorf("no quick fix for the -4019 finding at %s", pos)
			}
			r = fixture.Run(t, dir, nil, bin, "codeaction", "-kind=quickfix", "-title=^(Replace -?[0-9]+|Compare [^ ]+) with catalog", "-exec", "-write", pos)
			r.WantCode(t, 0)
		}
		fixture.CheckFixed(t, dir, fixture.FixedFiles(t)...)
		r = fixture.Run(t, dir, nil, bin, append([]string{"check"}, fixtureFiles(t, dir)...)...)
		r.WantCode(t, 0)
		fixture.CheckFixless(t, fixture.ParseText(r.Stdout+r.Stderr))
	})
}

var quickFixRx = regexp.MustCompile(`(?m)^edit\t"(Replace -?\d+|Compare \S+) with catalog\.\w+" \[quickfix\]$`)
