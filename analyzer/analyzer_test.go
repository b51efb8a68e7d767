package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/errcodelint/errcodelint/analyzer"
	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
)

// testdata is the repository's testdata directory: fixtures live under
// testdata/src/<import path>, and the catalog is linked in at its path.
var testdata = suitetest.Testdata()

// check runs errcodelint's analyzers, configured by cfg, on fixtures whose
// wants expect the diagnostics and facts of all of them.
func check(t *testing.T, cfg *analyzer.Config, patterns ...string) {
	t.Helper()
	suitetest.Run(t, testdata, analyzer.New(cfg), false, patterns...)
}

// checkFixes is check, with codeconst's fixes compared with .golden files.
func checkFixes(t *testing.T, cfg *analyzer.Config, patterns ...string) {
	t.Helper()
	suitetest.Run(t, testdata, analyzer.New(cfg), true, patterns...)
}

// named returns the analyzer of the suite with the given name.
func named(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if a.Name == name {
			return a
		}
	}
	panic("no analyzer " + name)
}

func TestMagicAndUnknownCodes(t *testing.T) {
	checkFixes(t, &analyzer.Config{}, "cosclient", "cosuser")
}

func TestSilentOnUnrelatedAPIs(t *testing.T) {
	check(t, &analyzer.Config{}, "unrelated")
}

func TestCatalogIsNeverReported(t *testing.T) {
	check(t, &analyzer.Config{}, "github.com/errcodelint/errcodelint/catalog")
}

func TestSuppression(t *testing.T) {
	check(t, &analyzer.Config{}, "suppress")
}

func TestGeneratedFilesAreSkipped(t *testing.T) {
	// gen.go's want is not met by default: expect exactly hand.go's finding.
	if n := len(suitetest.Diagnose(t, analyzer.New(&analyzer.Config{}), "generated")); n != 1 {
		t.Errorf("%d diagnostics, want 1 (the hand-written file's)", n)
	}
}

func TestGeneratedFlag(t *testing.T) {
	check(t, &analyzer.Config{Generated: true}, "generated")
}

func TestIncludeZero(t *testing.T) {
	check(t, &analyzer.Config{IncludeZero: true}, "includezero")
	// Without the flag, 0 is not reported: the fixture's only want goes unmet.
	if n := len(suitetest.Diagnose(t, analyzer.New(&analyzer.Config{}), "includezero")); n != 0 {
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
	check(t, cfg, "configured")
}

func TestSourcesFlag(t *testing.T) {
	suite := analyzer.New(&analyzer.Config{})
	if err := named(suite, "coscodes").Flags.Set("sources", "configured.Reply.Ret,configured.Failure.Code, configured.RetCode,configured.LastRet,http:configured.Reply.Status"); err != nil {
		t.Fatal(err)
	}
	suitetest.Run(t, testdata, suite, false, "configured")
	for _, bad := range []string{"Reply", "configured.", "configured.A.B.C", "ftp:configured.X"} {
		if err := named(analyzer.New(&analyzer.Config{}), "coscodes").Flags.Set("sources", bad); err == nil {
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
	check(t, &analyzer.Config{}, "directive")
}

// TestFixImports compares the imports fixes add with goldens: where
// goimports would put them (groups, stdblock, single, testfile, twopkgs),
// under a name free in every variant of the package (variants) and at
// every fix of the file (onealias), and never a second import of the
// catalog (shadowed has no golden: its fix would need one).
func TestFixImports(t *testing.T) {
	checkFixes(t, &analyzer.Config{},
		"fiximports/aliased", "fiximports/shadowed", "fiximports/noimports", "fiximports/single", "catalogevidence",
		"fiximports/groups", "fiximports/stdblock", "fiximports/testfile", "fiximports/onealias", "fiximports/variants",
		"fiximports/twopkgs")
}

// TestNoSecondImport checks that where the file's import of the catalog
// is shadowed, the finding comes without a fix rather than with a second
// import of the package.
func TestNoSecondImport(t *testing.T) {
	graph, err := checker.Analyze(analyzer.New(&analyzer.Config{}), suitetest.LoadGOPATH(t, true, "fiximports/shadowed"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var diags []analysis.Diagnostic
	for _, act := range graph.Roots {
		diags = append(diags, act.Diagnostics...)
	}
	found := false
	for _, d := range diags {
		if strings.HasPrefix(d.Message, "-4026 is catalog.ErrOffsetBackTooMuch") {
			found = true
			if len(d.SuggestedFixes) != 0 {
				t.Errorf("%s: %d fixes, want none (the import of the catalog is shadowed there)", d.Message, len(d.SuggestedFixes))
			}
		}
	}
	if !found {
		t.Error("no finding for -4026")
	}
}

func TestEnvelopeVariants(t *testing.T) {
	checkFixes(t, &analyzer.Config{}, "cosvariants")
}

// TestClientMadeCodes: constants a client writes as codes of its own (0
// and the SDK family compared with no code of the API, or with a message
// of its own beside them) are not named after the catalog, nor are the
// comparisons that test those values (issue 10); the twins are, with
// their fixes.
func TestClientMadeCodes(t *testing.T) {
	checkFixes(t, &analyzer.Config{}, "clientcodes", "clientcodescompared")
}

// TestSentinelsOfTheUploadShapes: the reupload fixtures keep sentinels of
// their own (code := -1 ... for code == -1; reply.Code = -1 beside "no
// data" ... r.Code == -1) that compare with no code of the API: codeconst
// names none of them, and still names the API's codes there (issue 10).
// Their wants are reuploadretry's, so this test reads the findings itself.
func TestSentinelsOfTheUploadShapes(t *testing.T) {
	named := 0
	for _, f := range suitetest.Diagnose(t, analyzer.New(&analyzer.Config{}), "reuploadshapes", "reuploadshapes/cosv1") {
		if f.Analyzer.Name != "codeconst" {
			continue
		}
		for _, v := range []string{"0", "-1", "-2", "-3", "-4"} {
			if strings.HasPrefix(f.Message, v+" is ") {
				t.Errorf("%s: %s: a sentinel of the program's own named after the catalog", f.Position, f.Message)
			}
		}
		named++
	}
	if named == 0 {
		t.Error("no codeconst finding in the upload shapes: the API's codes there are named no more")
	}
}
