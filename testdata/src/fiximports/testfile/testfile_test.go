package testfile

import "testing"

func TestRestart(t *testing.T) {
	r := Response{Code: -4019} // want `-4019 is catalog.ErrOffsetToZero`
	if r.Message != "" {
		t.Fail()
	}
}
