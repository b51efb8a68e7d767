package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodelint/errcodelint/analyzer"
)

// testdata is the repository's testdata directory: fixtures live under
// testdata/src/<import path>, and the catalog is linked in at its path.
var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

func TestMagicAndUnknownCodes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(&analyzer.Config{}), "cosclient", "cosuser")
}

func TestSilentOnUnrelatedAPIs(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(&analyzer.Config{}), "unrelated")
}

func TestCatalogIsNeverReported(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(&analyzer.Config{}), "github.com/errcodelint/errcodelint/catalog")
}

func TestSuppression(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(&analyzer.Config{}), "suppress")
}

func TestGeneratedFilesAreSkipped(t *testing.T) {
	// gen.go's want is not met by default: expect exactly hand.go's finding.
	results := analysistest.Run(&recorder{T: t}, testdata, analyzer.New(&analyzer.Config{}), "generated")
	if n := countDiagnostics(results); n != 1 {
		t.Errorf("%d diagnostics, want 1 (the hand-written file's)", n)
	}
}

func TestGeneratedFlag(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(&analyzer.Config{Generated: true}), "generated")
}

func TestIncludeZero(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(&analyzer.Config{IncludeZero: true}), "includezero")
	// Without the flag, 0 is not reported: the fixture's only want goes unmet.
	results := analysistest.Run(&recorder{T: t}, testdata, analyzer.New(&analyzer.Config{}), "includezero")
	if n := countDiagnostics(results); n != 0 {
		t.Errorf("%d diagnostics without -include-zero, want 0", n)
	}
}

func TestConfiguredSources(t *testing.T) {
	cfg := &analyzer.Config{Sources: []analyzer.Source{
		{Name: "configured.Reply.Ret"},
		{Name: "configured.Reply.Status", Domain: "http"},
		{Name: "configured.Failure.Code"},
		{Name: "configured.RetCode"},
		{Name: "configured.LastRet"},
	}}
	analysistest.Run(t, testdata, analyzer.New(cfg), "configured")
}

func TestSourcesFlag(t *testing.T) {
	a := analyzer.New(&analyzer.Config{})
	if err := a.Flags.Set("sources", "configured.Reply.Ret,configured.Failure.Code, configured.RetCode,configured.LastRet,http:configured.Reply.Status"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "configured")
	for _, bad := range []string{"Reply", "configured.", "configured.A.B.C", "ftp:configured.X"} {
		if err := analyzer.New(&analyzer.Config{}).Flags.Set("sources", bad); err == nil {
			t.Errorf("-sources=%s: no error", bad)
		}
	}
}

func TestInvalidConfig(t *testing.T) {
	cfg := &analyzer.Config{Sources: []analyzer.Source{{Name: "configured.Reply.Ret", Domain: "grpc"}}}
	if err := cfg.Validate(); err == nil {
		t.Error("domain grpc: no error")
	}
}

func TestCodeDirective(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(&analyzer.Config{}), "directive")
}

func TestFixImports(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(&analyzer.Config{}),
		"fiximports/aliased", "fiximports/shadowed", "fiximports/noimports", "fiximports/single", "catalogevidence")
}

// recorder lets a test run analysistest and judge the outcome itself:
// unmet expectations are not failures.
type recorder struct{ *testing.T }

func (r *recorder) Errorf(format string, args ...any) {}

func countDiagnostics(results []*analysistest.Result) int {
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	return n
}

func TestEnvelopeVariants(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(&analyzer.Config{}), "cosvariants")
}
