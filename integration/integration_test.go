// Package integration tests the editor and meta-linter builds of
// errcodelint, made by make golangci and make gopls, on the shared fixture
// module (testdata/integration/cosclient). The tests need the binaries and
// skip unless their paths are set:
//
//	ERRCODELINT_GOLANGCI_LINT=bin/golangci-lint-errcodelint  (make golangci-test)
//	ERRCODELINT_GOPLS=bin/gopls-errcodelint                  (make gopls-test)
package integration

import (
	"os"
	"path/filepath"
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
