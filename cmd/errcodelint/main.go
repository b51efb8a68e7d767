// Command errcodelint checks Go code that talks to the Tencent Cloud COS v4
// JSON API for magic and unknown response codes, and for upload-session
// codes handled as plain retries.
//
//	errcodelint [flags] packages...   analyze packages (-fix, -diff, -json, ...)
//	go vet -vettool=$(command -v errcodelint) packages...
//	errcodelint help [check]          the checks, or one check's manual
//	errcodelint explain CODE...       explain response codes
//	errcodelint explain -json         print the catalog as JSON
package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/errcodelint/errcodelint/analyzer"
)

func main() {
	// go vet never passes "explain" first: it passes flags or a .cfg file.
	if len(os.Args) > 1 && os.Args[1] == "explain" {
		os.Exit(runExplain(os.Args[2:], os.Stdout, os.Stderr))
	}
	analyzers := analyzer.Analyzers
	flag.Var(factsFlag{analyzers}, "facts", factsUsage)
	aliasFlags(flag.CommandLine, analyzers)
	flag.Usage = usage(flag.CommandLine, analyzers)
	terseFlagErrors(flag.CommandLine, os.Args[1:])
	if code, stop := preflight(os.Args[1:], analyzer.New(&analyzer.Config{}), os.Stderr); stop {
		os.Exit(code)
	}
	for _, a := range analyzers {
		batchFixes(a)
	}
	multichecker.Main(analyzers...)
}
