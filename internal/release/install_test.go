package release_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/fixture"
)

const linterModule = "github.com/errcodelint/errcodelint"

// proxy is a module proxy on disk (GOPROXY=file://...), in the layout of
// https://go.dev/ref/mod#goproxy-protocol.
type proxy struct{ dir string }

// publish adds the module in dir at version to the proxy.
func (p proxy) publish(t *testing.T, path, version, dir string) {
	t.Helper()
	escaped, err := module.EscapePath(path)
	if err != nil {
		t.Fatal(err)
	}
	at := filepath.Join(p.dir, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(at, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := zip.CreateFromDir(f, module.Version{Path: path, Version: version}, dir); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		version + ".mod":  string(gomod),
		version + ".info": `{"Version":"` + version + `","Time":"2026-01-01T00:00:00Z"}`,
	} {
		if err := os.WriteFile(filepath.Join(at, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := os.ReadFile(filepath.Join(at, "list"))
	if err := os.WriteFile(filepath.Join(at, "list"), append(list, version+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// env is the go command's environment against the proxy: modules
// published here first, then those the module cache already holds (the
// cache's download directory is a proxy too), then the configured proxy
// for what a fresh module cache lacks (go mod tidy wants the go.mod files
// of the tests of dependencies, which go test never downloads), and a
// module cache of its own so that these versions do not linger.
func (p proxy) env(t *testing.T) []string {
	t.Helper()
	goenv := fixture.Run(t, ".", nil, "go", "env", "GOMODCACHE", "GOPROXY")
	goenv.WantCode(t, 0)
	cache, upstream, _ := strings.Cut(strings.TrimSpace(goenv.Stdout), "\n")
	download := filepath.Join(cache, "cache", "download")
	proxies := "file://" + filepath.ToSlash(p.dir) + ",file://" + filepath.ToSlash(download)
	if upstream != "" && upstream != "off" {
		proxies += "," + upstream
	}
	return []string{
		"GOPROXY=" + proxies,
		"GOSUMDB=off", // these versions are not in the checksum database
		"GOMODCACHE=" + filepath.Join(t.TempDir(), "modcache"),
		"GOFLAGS=-modcacherw",
		"GOTOOLCHAIN=local",
	}
}

// copyLinterModule copies the linter's module (without the nested modules,
// the VCS data and the build outputs) to a new directory.
func copyLinterModule(t *testing.T) string {
	t.Helper()
	root := fixture.Root()
	dst := filepath.Join(t.TempDir(), "errcodelint")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel == ".git" || rel == ".cache" || rel == "bin" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && rel != "." {
				return filepath.SkipDir // a module of its own
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // the fixtures' symbolic link to the catalog
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestReleaseInstall runs the release procedure of docs/delivery.md
// against a module proxy on disk: the catalog is published as v0.1.0,
// tools/release/prepare.sh makes the linter require it, the linter is
// published as v0.1.0, and then `go install .../cmd/errcodelint@v0.1.0`
// works and a user's module that requires the catalog gets nothing else.
// It also shows why the procedure is needed: the development go.mod, with
// its replace directive, cannot be installed with go install @version.
func TestReleaseInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errcodelint from a module proxy")
	}
	t.Parallel()
	p := proxy{dir: t.TempDir()}
	env := p.env(t)
	const version = "v0.1.0"
	p.publish(t, catalog.ImportPath, version, catalogDir(t))

	// The development go.mod as v0.0.1: go install refuses it.
	dev := copyLinterModule(t)
	p.publish(t, linterModule, "v0.0.1", dev)
	work := t.TempDir()
	r := fixture.Run(t, work, append(env, "GOBIN="+filepath.Join(work, "bin")), "go", "install", linterModule+"/cmd/errcodelint@v0.0.1")
	if r.Code == 0 || !strings.Contains(r.Stderr, "replace directives") {
		t.Errorf("go install of a linter whose go.mod replaces the catalog: exit %d, want a failure naming the replace directives", r.Code)
	}

	// The release commit.
	rel := copyLinterModule(t)
	r = fixture.Run(t, rel, env, "bash", "tools/release/prepare.sh", version)
	r.WantCode(t, 0)
	gomod, err := os.ReadFile(filepath.Join(rel, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(gomod), "replace ") || !strings.Contains(string(gomod), catalog.ImportPath+" "+version) {
		t.Fatalf("after prepare.sh, go.mod is:\n%s\nwant it to require the catalog %s without replace directives", gomod, version)
	}
	p.publish(t, linterModule, version, rel)

	bin := filepath.Join(work, "bin")
	r = fixture.Run(t, work, append(env, "GOBIN="+bin), "go", "install", linterModule+"/cmd/errcodelint@"+version)
	r.WantCode(t, 0)
	r = fixture.Run(t, work, nil, filepath.Join(bin, "errcodelint"), "explain", "ErrOffsetToZero")
	r.WantCode(t, 0)
	if !strings.Contains(r.Stdout, "-4019") {
		t.Errorf("the installed errcodelint does not explain ErrOffsetToZero")
	}

	// A user's module, after `go get` of the catalog.
	user := filepath.Join(t.TempDir(), "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "go.mod"), []byte("module example.com/user\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := "package user\n\nimport \"" + catalog.ImportPath + "\"\n\nfunc Restart(code int) bool { return code == catalog.ErrOffsetToZero }\n"
	if err := os.WriteFile(filepath.Join(user, "user.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r = fixture.Run(t, user, env, "go", "get", catalog.ImportPath+"@"+version)
	r.WantCode(t, 0)
	r = fixture.Run(t, user, env, "go", "list", "-m", "all")
	r.WantCode(t, 0)
	if got := strings.TrimSpace(r.Stdout); got != "example.com/user\n"+catalog.ImportPath+" "+version {
		t.Errorf("the user's build list is\n%s\nwant the catalog %s alone", got, version)
	}
	fixture.Run(t, user, env, "go", "build", "./...").WantCode(t, 0)
}
