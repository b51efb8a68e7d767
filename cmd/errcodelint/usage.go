package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// aliasFlags registers the spellings of the analyzers' flags that users
// type: unprefixed (-include-zero, -sources), as the command had them when
// it was one analyzer, and prefixed with errcodelint (-errcodelint.sources),
// the spelling go vet used then. Both set the analyzer's own flag
// (-codeconst.include-zero), and -flags lists them, so go vet accepts them.
func aliasFlags(fs *flag.FlagSet, analyzers []*analysis.Analyzer) {
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			usage := fmt.Sprintf("%s (same as -%s.%s)", f.Usage, a.Name, f.Name)
			fs.Var(f.Value, f.Name, usage)
			fs.Var(f.Value, "errcodelint."+f.Name, usage)
		})
	}
}

// usage returns the -help text: what errcodelint is, how to run it, its
// checks, and its flags.
func usage(fs *flag.FlagSet, analyzers []*analysis.Analyzer) func() {
	return func() {
		w := fs.Output()
		fmt.Fprint(w, `errcodelint: check Go code that talks to the COS v4 JSON API

Usage:
  errcodelint [flags] packages...         report (-fix applies the fixes, -fix -diff shows them)
  go vet -vettool=$(command -v errcodelint) [flags] packages...
  errcodelint help [check]                the checks, or the manual of one
  errcodelint explain CODE...             what a response code means (by value, Go name or symbol)

Checks (turn one off with -NAME=false, run only some with -NAME):
`)
		printChecks(w, analyzers)
		fmt.Fprint(w, "\nFlags:\n")
		// The driver's no-op vet legacy flags (-all, -source, ...) are left out.
		shown := flag.NewFlagSet("errcodelint", flag.ContinueOnError)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.HasPrefix(f.Usage, "no effect") && !strings.HasPrefix(f.Usage, "deprecated alias") {
				shown.Var(f.Value, f.Name, f.Usage)
			}
		})
		shown.SetOutput(w)
		shown.PrintDefaults()
	}
}

// printChecks lists the analyzers with the first line of their manuals.
func printChecks(w io.Writer, analyzers []*analysis.Analyzer) {
	width := 0
	for _, a := range analyzers {
		width = max(width, len(a.Name))
	}
	for _, a := range analyzers {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %-*s  %s\n", width, a.Name, summary)
	}
}
