// Package integration tests the editor and meta-linter builds of
// errcodelint, made by make golangci and make gopls, on the shared fixture
// module (testdata/integration/cosclient). The tests need the binaries and
// skip unless their paths are set:
//
//	ERRCODELINT_GOLANGCI_LINT=bin/golangci-lint-errcodelint  (make golangci-test)
//	ERRCODELINT_GOPLS=bin/gopls-errcodelint                  (make gopls-test)
package integration

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/internal/fixture"
)

// tool returns the absolute path of the binary named by env, skipping the
// test when env is unset.
func tool(t *testing.T, env, target string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		t.Skipf("%s is not set: run make %s", env, target)
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(fixture.Root(), p)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	return p
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs name in dir with extra environment variables and returns its
// output and exit code.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	t.Logf("%s %s: exit %d\nstdout:\n%s\nstderr:\n%s", filepath.Base(name), strings.Join(args, " "), r.code, r.stdout, r.stderr)
	return r
}

func wantCode(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d", r.code, code)
	}
}
