// Command errcodelint checks Go code that talks to the Tencent Cloud COS v4
// JSON API for magic and unknown response codes, and for upload-session
// codes handled as plain retries.
//
//	errcodelint [flags] packages...   analyze packages (-fix, -diff, -json, ...)
//	go vet -vettool=$(command -v errcodelint) packages...
//	errcodelint explain CODE...       explain response codes
//	errcodelint explain -json         print the catalog as JSON
package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/errcodelint/errcodelint/analyzer"
)

func main() {
	// go vet never passes "explain" first: it passes flags or a .cfg file.
	if len(os.Args) > 1 && os.Args[1] == "explain" {
		os.Exit(runExplain(os.Args[2:], os.Stdout, os.Stderr))
	}
	flag.Var(factsFlag{analyzer.Analyzer}, "facts", factsUsage)
	terseFlagErrors(flag.CommandLine, os.Args[1:])
	prefixFlags(flag.CommandLine, analyzer.Analyzer)
	singlechecker.Main(analyzer.Analyzer)
}

// prefixFlags also registers each analyzer flag as -NAME.FLAG
// (-errcodelint.include-zero), the spelling go vet documents for analyzer
// flags (multichecker's). singlechecker registers them unprefixed; both
// spellings set the same value, and -flags lists both, so go vet accepts
// both.
func prefixFlags(fs *flag.FlagSet, a *analysis.Analyzer) {
	a.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
	})
}
