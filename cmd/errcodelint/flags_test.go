package main_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer"
	errcodelint "github.com/errcodelint/errcodelint/cmd/errcodelint"
	"github.com/errcodelint/errcodelint/internal/fixture"
)

// TestBadFlagsOneLine checks that a malformed command line gets one line
// that names the problem, and exit status 2.
func TestBadFlagsOneLine(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := fixture.Copy(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-bogus", "./..."}, "flag provided but not defined: -bogus"},
		{[]string{"-sources=Code", "./..."}, `invalid value "Code" for flag -sources`},
		{[]string{"-errcodelint.sources=a.b.c.d", "./..."}, `invalid value "a.b.c.d" for flag -errcodelint.sources`},
		{[]string{"-include-zero=maybe", "./..."}, `invalid boolean value "maybe" for -include-zero`},
		{[]string{"-facts=maybe", "./..."}, `invalid boolean value "maybe" for -facts`},
		{[]string{"-c", "./..."}, `invalid value "./..." for flag -c`},
	} {
		r := fixture.Run(t, dir, nil, bin, tc.args...)
		r.WantCode(t, 2)
		lines := strings.Split(strings.TrimSuffix(r.Stderr, "\n"), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], tc.want) {
			t.Errorf("%s: stderr is %q, want one line containing %q", strings.Join(tc.args, " "), r.Stderr, tc.want)
		}
	}
}

// TestHelpFlagsFirst checks that -help prints the usage, the checks and
// the flags, without the driver's no-op legacy flags, and not the manual
// (errcodelint help CHECK prints that).
func TestHelpFlagsFirst(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"-h", "-help"} {
		r := fixture.Run(t, t.TempDir(), nil, binary(t), arg)
		r.WantCode(t, 0)
		usage := strings.Index(r.Stderr, "Usage:")
		flags := strings.Index(r.Stderr, "\nFlags:\n")
		if usage < 0 || flags < usage {
			t.Fatalf("%s: usage at %d, flags at %d: want both, in that order", arg, usage, flags)
		}
		for _, want := range []string{"errcodelint [flags] packages", "codeconst", "reuploadretry"} {
			if !strings.Contains(r.Stderr[:flags], want) {
				t.Errorf("%s: the usage lacks %q", arg, want)
			}
		}
		for _, want := range []string{"-facts", "-include-zero", "-codeconst.include-zero", "-errcodelint.sources", "-fix", "-json"} {
			if !strings.Contains(r.Stderr[flags:], "  "+want) {
				t.Errorf("%s: the flags lack %s", arg, want)
			}
		}
		if strings.Contains(r.Stderr, "no effect (deprecated)") {
			t.Errorf("%s lists the no-op legacy flags", arg)
		}
		if n := strings.Count(r.Stderr, "\n"); n > 80 {
			t.Errorf("%s: %d lines: the manual is errcodelint help's", arg, n)
		}
	}
}

// TestNoPackages checks that errcodelint with no package (flags or not)
// says so in a line, with a short usage.
func TestNoPackages(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{nil, {"-include-zero"}, {"-c", "2", "-sources", "example.com/cos.R.Code"}, {"-codeconst=false"}} {
		r := fixture.Run(t, t.TempDir(), nil, binary(t), args...)
		r.WantCode(t, 1)
		if !strings.HasPrefix(r.Stderr, "errcodelint: no packages to check\nusage: errcodelint [flags] packages...") {
			t.Errorf("%q: stderr %q, want the error line then the short usage", args, r.Stderr)
		}
		if n := strings.Count(r.Stderr, "\n"); n > 5 {
			t.Errorf("%q: %d lines, want a short usage", args, n)
		}
	}
}

// TestMissingPath checks that a package argument naming a directory that
// does not exist gets one line that says so.
func TestMissingPath(t *testing.T) {
	t.Parallel()
	dir := fixture.Copy(t)
	for _, arg := range []string{"./nosuchdir", "./nosuchdir/...", "../nosuchdir", filepath.Join(dir, "nosuchdir")} {
		r := fixture.Run(t, dir, nil, binary(t), "-include-zero", arg)
		r.WantCode(t, 1)
		if want := "errcodelint: " + arg + ": no such file or directory\n"; r.Stderr != want {
			t.Errorf("stderr %q, want %q", r.Stderr, want)
		}
	}
	// Existing directories and import paths go on to the driver.
	r := fixture.Run(t, dir, nil, binary(t), ".", fixture.Module)
	r.WantCode(t, 3)
}

// TestDriverFlagsKnown keeps preflight's list of driver flags equal to the
// flags the driver registers, which -flags lists (but for those it leaves
// out, which the list marks).
func TestDriverFlagsKnown(t *testing.T) {
	t.Parallel()
	r := fixture.Run(t, t.TempDir(), nil, binary(t), "-flags")
	r.WantCode(t, 0)
	var listed []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal([]byte(r.Stdout), &listed); err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{"facts": true}
	for _, a := range analyzer.Analyzers {
		ours[a.Name] = true
		a.Flags.VisitAll(func(f *flag.Flag) {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			isBool := ok && b.IsBoolFlag()
			for _, name := range []string{f.Name, "errcodelint." + f.Name, a.Name + "." + f.Name} {
				ours[name] = isBool
			}
		})
	}
	for _, f := range listed {
		isBool, ok := ours[f.Name]
		if !ok {
			var kind string
			kind, ok = errcodelint.DriverFlags[f.Name]
			isBool = kind == "bool"
		}
		if !ok || isBool != f.Bool {
			t.Errorf("-flags lists -%s (bool %v); preflight knows it: %v (bool %v)", f.Name, f.Bool, ok, isBool)
		}
	}
}

// factsModule is a COS client package and a package that uses its
// envelope: the user's comparison is found only with facts.
var factsModule = map[string]string{
	"go.mod": "module example.com/facts\n\ngo 1.26\n",
	"client/client.go": `package client

const endpoint = "https://gz.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func Get() Response { return Response{} }

func Done(r Response) bool { return r.Code == -4019 }
`,
	"user/user.go": `package user

import "example.com/facts/client"

func Retry() bool { return client.Get().Code == -4026 }
`,
}

// TestFactsFlag runs both regimes, standalone and under go vet: the
// client's own finding is reported by both, the user's only with facts.
func TestFactsFlag(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	for name, text := range factsModule {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const client, user = "client.go:12:", "user.go:5:"
	for _, tc := range []struct {
		name     string
		cmd      string
		args     []string
		code     int
		withUser bool
	}{
		{"standalone", bin, []string{"./..."}, 3, true},
		{"standalone -facts=false", bin, []string{"-facts=false", "./..."}, 3, false},
		{"go vet", "go", []string{"vet", "-vettool=" + bin, "./..."}, 1, true},
		{"go vet -facts=false", "go", []string{"vet", "-vettool=" + bin, "-facts=false", "./..."}, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := fixture.Run(t, dir, nil, tc.cmd, tc.args...)
			r.WantCode(t, tc.code)
			if !strings.Contains(r.Stderr, client) {
				t.Errorf("no finding at %s", client)
			}
			if got := strings.Contains(r.Stderr, user); got != tc.withUser {
				t.Errorf("finding at %s: %v, want %v", user, got, tc.withUser)
			}
		})
	}
}
