package main

import (
	"flag"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer"
)

// factsFlag is -facts: with -facts=false errcodelint declares no fact
// type, so the standalone driver type-checks only the named packages (their
// dependencies come from export data) at the cost of the findings that
// need knowledge from other packages. See docs/performance.md.
type factsFlag struct{ analyzers []*analysis.Analyzer }

func (f factsFlag) on() bool {
	for _, a := range f.analyzers {
		if a.FactTypes != nil {
			return true
		}
	}
	return false
}

func (f factsFlag) String() string {
	if f.analyzers == nil {
		return "true"
	}
	return strconv.FormatBool(f.on())
}

func (f factsFlag) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	if !on {
		for _, a := range f.analyzers {
			analyzer.DisableFacts(a) // the drivers look at FactTypes after parsing flags
		}
	} else if !f.on() {
		return strconv.ErrSyntax // facts, once off, stay off
	}
	return nil
}

func (factsFlag) IsBoolFlag() bool { return true }

const factsUsage = "use facts to follow codes across packages (false: check each package alone, loading only the named packages from source)"

// terseFlagErrors makes a malformed command line print the flag package's
// one-line error and nothing more (the exit status is 2); -help still
// prints the whole usage.
func terseFlagErrors(fs *flag.FlagSet, args []string) {
	fs.Usage = func() {
		for _, arg := range args {
			switch arg {
			case "-h", "-help", "--h", "--help":
				flag.Usage()
				return
			case "--":
				return
			}
		}
	}
}
