package variants

import "testing"

// catalog is the test's table of answers.
var catalog = map[string]Response{"ok": {Message: "SUCCESS"}}

func TestOK(t *testing.T) {
	if catalog["ok"].Code != 0 {
		t.Fail()
	}
}
