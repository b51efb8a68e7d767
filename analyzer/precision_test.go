package analyzer

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestSilentOnForeignCode runs the analysis without the relevance gate,
// so that every heuristic sees every package, on large code that does not
// talk to COS, with its tests: any finding is a false positive. The
// packages are named by ERRCODELINT_PRECISION (patterns, for instance
// "std"), loaded in ERRCODELINT_PRECISION_DIR (default: here); without
// the variable the test is skipped. make precision runs it on std.
func TestSilentOnForeignCode(t *testing.T) {
	patterns := strings.Fields(os.Getenv("ERRCODELINT_PRECISION"))
	if len(patterns) == 0 {
		t.Skip("set ERRCODELINT_PRECISION to package patterns (make precision)")
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   os.Getenv("ERRCODELINT_PRECISION_DIR"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %v", n, patterns)
	}
	suite := ungated(&Config{})
	graph, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	analyzed, facts := 0, 0
	for act := range graph.All() {
		if !slices.Contains(suite, act.Analyzer) {
			continue
		}
		if act.Analyzer == suite[0] {
			analyzed++ // the evidence analyzer: once per package
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("false positive: %s: [%s] %s", act.Package.Fset.Position(d.Pos), d.Category, d.Message)
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				facts++
				t.Logf("fact: %s: %v", act.Package.Fset.Position(f.Object.Pos()), f.Fact)
			}
		}
	}
	if analyzed < len(pkgs) {
		t.Errorf("analyzed %d packages of %d", analyzed, len(pkgs))
	}
	t.Logf("%d packages analyzed without the gate; %d facts", analyzed, facts)
}
