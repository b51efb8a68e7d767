package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestHelpStillPrintsUsage checks that -help is not made terse.
func TestHelpStillPrintsUsage(t *testing.T) {
	t.Parallel()
	r := fixture.Run(t, t.TempDir(), nil, binary(t), "-help")
	r.WantCode(t, 0)
	for _, want := range []string{"Usage:", "errcodelint [flags] packages", "codeconst", "reuploadretry", "-facts", "-include-zero", "-codeconst.include-zero"} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("-help output lacks %q", want)
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
