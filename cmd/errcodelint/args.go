package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// driverFlags are the flags the analysis driver (multichecker) registers
// besides the analyzers', with the kind of value each takes. preflight
// needs them to tell flag values from package arguments before the driver
// parses the command line; TestDriverFlagsKnown keeps the list equal to
// what `errcodelint -flags` reports (which omits the five commented below).
var driverFlags = map[string]string{
	"V": "bool", "flags": "bool", "json": "bool", "c": "int", "diff": "bool", "test": "bool",
	"source": "bool", "v": "bool", "all": "bool", "tags": "string", // no-op vet legacy flags
	"fix": "bool", "debug": "string", "cpuprofile": "string", "memprofile": "string", "trace": "string", // not listed by -flags
}

// preflight looks at the command line before the driver does, for the
// mistakes the driver reports badly or not at all: no package at all (it
// prints a generic usage with no error line), a directory that does not
// exist (it says "analysis skipped due to errors in package"), and
// -sources names that match nothing (checkSources: an error, or under go
// vet a warning, once per run). It returns the process exit code and true
// when errcodelint should stop there.
//
// It parses args as the driver will, with the flags of scratch, analyzers
// of its own (so that the real configuration is parsed once, by the
// driver): a command line it cannot parse, and -h, -flags and -V, it
// leaves to the driver.
func preflight(args []string, scratch []*analysis.Analyzer, stderr io.Writer) (int, bool) {
	probe := flag.NewFlagSet("errcodelint", flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	probe.Usage = func() {}
	for name, kind := range driverFlags {
		switch kind {
		case "bool":
			probe.Bool(name, false, "")
		case "int":
			probe.Int(name, 0, "")
		default:
			probe.String(name, "", "")
		}
	}
	probe.Var(factsFlag{scratch}, "facts", "")
	aliasFlags(probe, scratch)
	for _, a := range scratch {
		probe.Bool(a.Name, false, "") // multichecker's -NAME, -NAME=false
		a.Flags.VisitAll(func(f *flag.Flag) { probe.Var(f.Value, a.Name+"."+f.Name, "") })
	}
	if err := probe.Parse(args); err != nil {
		return 0, false
	}
	for _, name := range []string{"V", "flags"} {
		if probe.Lookup(name).Value.String() != "false" {
			return 0, false
		}
	}
	pkgs := probe.Args()
	sources := configuredSources(scratch)
	if len(pkgs) == 1 && strings.HasSuffix(pkgs[0], ".cfg") {
		// go vet's unit of work.
		if len(sources) > 0 {
			warnSourcesOnce(pkgs[0], sources, stderr)
		}
		return 0, false
	}
	if len(pkgs) == 0 {
		fmt.Fprint(stderr, "errcodelint: no packages to check\n"+shortUsage)
		return 1, true
	}
	for _, p := range pkgs {
		if err := checkPath(p); err != nil {
			fmt.Fprintf(stderr, "errcodelint: %v\n", err)
			return 1, true
		}
	}
	if len(sources) > 0 {
		if errs := checkSources(".", sources); len(errs) > 0 {
			for _, err := range errs {
				fmt.Fprintf(stderr, "errcodelint: -sources: %v\n", err)
			}
			return 2, true // a flag value that names nothing
		}
	}
	return 0, false
}

const shortUsage = `usage: errcodelint [flags] packages...   e.g. errcodelint ./...
       errcodelint explain CODE...
run errcodelint -h for the flags and the manual
`

// checkPath reports a package argument that names a file or directory
// (./x, ../x, /x, ./x/...) that does not exist. Import paths are left to
// the go command, whose message names the module that lacks them.
func checkPath(arg string) error {
	if !(arg == "." || arg == ".." || strings.HasPrefix(arg, "./") || strings.HasPrefix(arg, "../") || filepath.IsAbs(arg)) {
		return nil
	}
	path := strings.TrimSuffix(strings.TrimSuffix(arg, "..."), "/")
	if path == "" {
		path = "/"
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: no such file or directory", arg)
	}
	return nil
}
