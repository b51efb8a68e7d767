package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/internal/fixture"
)

// fakeGit stands in for the one git command golangci-lint custom runs,
// git clone --branch VERSION ... https://github.com/golangci/golangci-lint.git,
// by copying that version's module source from the Go module cache: the
// machines this runs on reach only the module proxy. It logs its arguments.
const fakeGit = `#!/bin/sh
echo "$*" >>"$FAKE_GIT_LOG"
[ "$1" = clone ] || { echo "fake git: only clone is supported" >&2; exit 1; }
branch=
prev=
for a; do
	[ "$prev" = --branch ] && branch=$a
	prev=$a
done
dir=$(go mod download -json "github.com/golangci/golangci-lint/v2@$branch" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir" ] || exit 1
cp -R "$dir" golangci-lint && chmod -R u+w golangci-lint
`

// TestCustomGcl runs golangci-lint custom with the repository's
// .custom-gcl.yml (its plugin path pointed at this checkout, its
// destination at a temporary directory), with git faked from the module
// cache, and checks that the binary it builds reports the fixture's
// findings. It is slow (a second golangci-lint build), so it runs only
// with ERRCODELINT_CUSTOM_GCL=1 (make golangci-custom-test).
func TestCustomGcl(t *testing.T) {
	bin := tool(t, "ERRCODELINT_GOLANGCI_LINT", "golangci-custom-test")
	if os.Getenv("ERRCODELINT_CUSTOM_GCL") != "1" {
		t.Skip("ERRCODELINT_CUSTOM_GCL=1 is not set: run make golangci-custom-test")
	}
	data, err := os.ReadFile(filepath.Join(fixture.Root(), ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(data)
	for _, line := range []string{"version: v2.15.0\n", "name: golangci-lint-errcodelint\n", "destination: ./bin\n",
		"  - module: github.com/errcodelint/errcodelint\n", "    import: github.com/errcodelint/errcodelint/plugin/golangci\n", "    path: .\n",
		"  - module: github.com/errcodelint/errcodelint/catalog\n", "    path: ./catalog\n"} {
		if !strings.Contains(cfg, line) {
			t.Fatalf(".custom-gcl.yml lacks %q", line)
		}
	}
	work := t.TempDir()
	root, err := filepath.Abs(fixture.Root())
	if err != nil {
		t.Fatal(err)
	}
	cfg = strings.Replace(cfg, "    path: .\n", "    path: "+root+"\n", 1)
	cfg = strings.Replace(cfg, "    path: ./catalog\n", "    path: "+filepath.Join(root, "catalog")+"\n", 1)
	cfg = strings.Replace(cfg, "destination: ./bin\n", "destination: "+filepath.Join(work, "bin")+"\n", 1)
	if err := os.WriteFile(filepath.Join(work, ".custom-gcl.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	gitDir := filepath.Join(work, "fakegit")
	if err := os.Mkdir(gitDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gitDir, "git"), []byte(fakeGit), 0o755); err != nil {
		t.Fatal(err)
	}
	gitLog := filepath.Join(work, "git.log")
	env := []string{"PATH=" + gitDir + string(os.PathListSeparator) + os.Getenv("PATH"), "FAKE_GIT_LOG=" + gitLog}

	r := fixture.Run(t, work, env, bin, "custom", "-v")
	r.WantCode(t, 0)
	log, err := os.ReadFile(gitLog)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "clone --branch v2.15.0 ") || !strings.Contains(string(log), "https://github.com/golangci/golangci-lint.git") {
		t.Errorf("golangci-lint custom ran git %q, want a clone of v2.15.0", log)
	}

	custom := filepath.Join(work, "bin", "golangci-lint-errcodelint")
	dir := fixture.Copy(t)
	r, fs := golangciLint(t, custom, dir, golangciConfig("          include-zero: true\n"))
	r.WantCode(t, golangciIssuesFound)
	fixture.Check(t, fs, fixture.IncludeZero)
}
