package reupload_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
	"github.com/errcodelint/errcodelint/analyzer/reupload"
	"github.com/errcodelint/errcodelint/analyzer/upload"
	"golang.org/x/tools/go/analysis"
)

// testdata is the repository's testdata directory, where the fixtures
// live under src/reupload*.
var testdata = suitetest.Testdata()

// TestFixtures runs the check, with the evidence analyzer's real evidence,
// on every fixture in one load (loading is most of the time): reuploadretry (form 1: plain retries of named codes),
// reuploadblanket (form 2: blanket retries of the slice), reuploadcos and
// reuploadclassify (form 3: retry classifiers and sets), reuploaduse
// (classifiers of another package), reuploadcorrect (correct handling:
// silent), reuploadnotupload and reuploadunrelated (loops that are no
// upload loops, another API with the same integers: silent),
// reuploadlibrary (functions retried by retry libraries).
func TestFixtures(t *testing.T) {
	suitetest.Run(t, testdata, []*analysis.Analyzer{upload.Analyzer, reupload.Analyzer}, false, "reuploadretry", "reuploadblanket", "reuploadcos", "reuploadclassify",
		"reuploaduse", "reuploadcorrect", "reuploadnotupload", "reuploadunrelated", "reuploadlibrary",
		"reuploadshapes", "reuploadshapes/cosv1")
}
