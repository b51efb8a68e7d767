package codeconst

import (
	"net/http"
	"testing"
)

func TestStandardStatusesMatchNetHTTP(t *testing.T) {
	for v := -1; v < 1000; v++ {
		if got, want := isOtherHTTPStatus(v), http.StatusText(v) != ""; got != want {
			t.Errorf("isOtherHTTPStatus(%d) = %v, net/http says %v", v, got, want)
		}
	}
}
