package analyzer_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixedCodeCompiles builds every fixture package with its golden files
// in place of the originals: applying the suggested fixes must leave code
// that compiles.
func TestFixedCodeCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds fixture packages with the go command")
	}
	gopath := t.TempDir()
	src := filepath.Join(testdata, "src")
	fixed := map[string]bool{} // import paths of packages with a golden file
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go.golden") {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		fixed[filepath.ToSlash(filepath.Dir(rel))] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(fixed) == 0 {
		t.Fatal("no golden files found")
	}
	// Copy the fixture tree, goldens over originals.
	if err := os.CopyFS(filepath.Join(gopath, "src"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	// Link the real catalog in again: the fixture's link is relative.
	catalogDir := filepath.Join(gopath, "src", "github.com", "errcodelint", "errcodelint", "catalog")
	os.RemoveAll(catalogDir)
	realCatalog, err := filepath.Abs(filepath.Join("..", "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(realCatalog, catalogDir); err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for pkg := range fixed {
		dir := filepath.Join(gopath, "src", filepath.FromSlash(pkg))
		goldens, _ := filepath.Glob(filepath.Join(dir, "*.go.golden"))
		for _, g := range goldens {
			if err := os.Rename(g, strings.TrimSuffix(g, ".golden")); err != nil {
				t.Fatal(err)
			}
		}
		pkgs = append(pkgs, pkg)
	}
	cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
	cmd.Dir = filepath.Join(gopath, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fixed fixtures do not build: %v\n%s", err, out)
	}
}
