package release_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/fixture"
)

func catalogDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(fixture.Root(), "catalog"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCatalogHasNoDependencies: the catalog's go.mod requires nothing and
// its packages, tests included, import only the standard library.
func TestCatalogHasNoDependencies(t *testing.T) {
	dir := catalogDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.Parse("catalog/go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if mf.Module == nil || mf.Module.Mod.Path != catalog.ImportPath {
		t.Fatalf("catalog/go.mod declares %v, want module %s", mf.Module, catalog.ImportPath)
	}
	if len(mf.Require)+len(mf.Replace)+len(mf.Tool)+len(mf.Exclude) > 0 {
		t.Errorf("catalog/go.mod has requirements, replacements, exclusions or tools: %s", data)
	}
	r := fixture.Run(t, dir, nil, "go", "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./...")
	r.WantCode(t, 0)
	for pkg := range strings.Lines(r.Stdout) {
		if pkg = strings.TrimSpace(pkg); pkg != "" && !strings.HasPrefix(pkg, catalog.ImportPath) {
			t.Errorf("the catalog depends on %s", pkg)
		}
	}
}

// TestLinterBuiltWithThisCatalog: the catalog the linter is built with is
// this checkout's, by the replace directive between releases or, in a
// release commit, as the published module of the same content.
func TestLinterBuiltWithThisCatalog(t *testing.T) {
	r := fixture.Run(t, fixture.Root(), nil, "go", "list", "-m", "-json", catalog.ImportPath)
	r.WantCode(t, 0)
	var m struct {
		Version string
		Dir     string
	}
	if err := json.Unmarshal([]byte(r.Stdout), &m); err != nil {
		t.Fatal(err)
	}
	want := catalogDir(t)
	if m.Dir == want {
		return
	}
	if m.Dir == "" {
		t.Fatalf("catalog %s is not in the module cache", m.Version)
	}
	// A release commit: the published catalog must be this one.
	if diff := diffTrees(t, m.Dir, want); diff != "" {
		t.Errorf("the linter is built with catalog %s (%s), which differs from ./catalog (%s): "+
			"restore the replace directive in go.mod, or release the catalog first (docs/delivery.md)", m.Version, m.Dir, diff)
	}
}

// diffTrees returns the first file that differs between two directories,
// or "".
func diffTrees(t *testing.T, a, b string) string {
	t.Helper()
	files := func(root string) map[string][]byte {
		out := map[string][]byte{}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			rel, _ := filepath.Rel(root, path)
			out[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	fa, fb := files(a), files(b)
	for name, data := range fb {
		if other, ok := fa[name]; !ok || !bytes.Equal(other, data) {
			return name
		}
	}
	for name := range fa {
		if _, ok := fb[name]; !ok {
			return name
		}
	}
	return ""
}

// TestUsersDependOnTheCatalogOnly: the module the integration tests fix
// (set up as a user's, with the catalog) needs the catalog and nothing
// else, and the demo module, before its user adds the catalog, nothing.
func TestUsersDependOnTheCatalogOnly(t *testing.T) {
	dir := fixture.Copy(t)
	r := fixture.Run(t, dir, nil, "go", "list", "-m", "-f", "{{.Path}}", "all")
	r.WantCode(t, 0)
	if got, want := strings.Fields(r.Stdout), []string{fixture.Module, catalog.ImportPath}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the fixture module's build list is %v, want %v", got, want)
	}
	r = fixture.Run(t, filepath.Join(fixture.Root(), "examples", "cosdemo"), nil, "go", "list", "-m", "-f", "{{.Path}}", "all")
	r.WantCode(t, 0)
	if got := strings.Fields(r.Stdout); len(got) != 1 {
		t.Errorf("the demo module's build list is %v, want only itself", got)
	}
}
