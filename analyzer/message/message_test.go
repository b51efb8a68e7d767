package message_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/suitetest"
	"github.com/errcodelint/errcodelint/analyzer/message"
	"golang.org/x/tools/go/analysis"
)

// TestFixtures runs the check, on the evidence analyzer's real evidence,
// on its fixtures: testdata/src/messagecompared holds the findings and their silent
// twins (its README says how they were written), the packages under it
// other authors' styles and code that does not talk to the API.
func TestFixtures(t *testing.T) {
	suitetest.Run(t, suitetest.Testdata(), []*analysis.Analyzer{message.Analyzer}, true,
		"messagecompared/...")
}
