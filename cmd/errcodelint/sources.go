package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/errcodelint/errcodelint/analyzer/evidence"
)

// configuredSources returns the -sources the command line sets, read from
// the scratch analyzers preflight parsed it into.
func configuredSources(scratch []*analysis.Analyzer) []evidence.Source {
	for _, a := range scratch {
		if f := a.Flags.Lookup("sources"); a.Name == evidence.Name && f != nil {
			sources, _ := evidence.ParseSources(f.Value.String()) // parsed once already
			return sources
		}
	}
	return nil
}

// checkSources checks each source against the package it names, loaded
// from dir (with its test files: a source may be declared in one), and
// returns what is wrong with each that matches nothing: a package that
// does not exist, a name it does not declare, a declaration that cannot
// hold a code. The analyzers cannot tell: each sees only the packages its
// package imports, and a name that matches nothing there may match in
// another.
func checkSources(dir string, sources []evidence.Source) []error {
	var paths []string
	for _, s := range sources {
		if p, err := s.Package(); err == nil && !contains(paths, p) {
			paths = append(paths, p)
		}
	}
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:   dir,
		Tests: true,
	}
	loaded, err := packages.Load(cfg, paths...)
	if err != nil {
		return []error{fmt.Errorf("loading the packages -sources names: %v", err)}
	}
	// The variant with the most files: the package with its tests.
	byPath := make(map[string]*packages.Package)
	for _, p := range loaded {
		if q := byPath[p.PkgPath]; q == nil || len(p.Syntax) > len(q.Syntax) {
			byPath[p.PkgPath] = p
		}
	}
	var errs []error
	for _, s := range sources {
		path, err := s.Package()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p := byPath[path]
		switch {
		case p == nil || p.Types == nil || len(p.Syntax) == 0:
			msg := ""
			if p != nil && len(p.Errors) > 0 && !strings.Contains(p.Errors[0].Msg, path) {
				// Not the go command's "no required module provides package": say what else.
				msg, _, _ = strings.Cut(p.Errors[0].Msg, "\n")
				msg = " (" + msg + ")"
			}
			errs = append(errs, fmt.Errorf("source %s: no package %s among this module's packages and their dependencies%s", s.Name, path, msg))
		default:
			if err := evidence.CheckSource(p.Types, s); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// warnSourcesOnce is checkSources under go vet, which runs errcodelint
// once per package: the first process of a go vet run prints what is
// wrong with the sources as warnings, and every process goes on (an error
// would fail every package, once each). The directory is the package's,
// from go vet's configuration file. go vet caches the result of a package
// it vetted: a run that vets nothing anew prints nothing.
func warnSourcesOnce(cfgFile string, sources []evidence.Source, stderr io.Writer) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return // the driver will say so
	}
	var cfg struct{ Dir string }
	if json.Unmarshal(data, &cfg) != nil || !firstInRun("sources\x00"+fmt.Sprint(sources)) {
		return
	}
	for _, err := range checkSources(cfg.Dir, sources) {
		fmt.Fprintf(stderr, "errcodelint: warning: -sources (ignored): %v\n", err)
	}
}

// firstInRun reports whether this process is the first of its go vet run
// to ask about key. A run is its go command, the parent process, known by
// its id and, where /proc tells it, its start time (a later process with
// a reused id is another run). The first to create the run's marker file
// wins; markers older than a day are removed. When no marker can be made,
// every process is first: a warning repeated is better than none.
func firstInRun(key string) bool {
	ppid := os.Getppid()
	run := strconv.Itoa(ppid)
	if stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", ppid)); err == nil {
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 {
			if fields := strings.Fields(string(stat[i+1:])); len(fields) > 19 {
				run += "-" + fields[19] // starttime, field 22 of proc_pid_stat(5)
			}
		}
	}
	dir := filepath.Join(os.TempDir(), "errcodelint-vet-runs")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return true
	}
	sum := sha256.Sum256([]byte(run + "\x00" + key))
	f, err := os.OpenFile(filepath.Join(dir, fmt.Sprintf("%x", sum[:12])), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return false
	}
	if err == nil {
		f.Close()
		removeStale(dir)
	}
	return true
}

func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
