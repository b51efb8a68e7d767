package catalog_test

import (
	"slices"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
)

func TestSuggest(t *testing.T) {
	onlyHTTP := func(c catalog.Code) bool { return c.Family.IsHTTPStatus() }
	for _, tc := range []struct {
		value int
		keep  func(catalog.Code) bool
		want  []string
	}{
		{4019, nil, []string{"ErrOffsetToZero"}},                           // sign slip
		{71, nil, []string{"ErrorProxyFreqControl"}},                       // sign slip
		{-612, nil, []string{"HTTPFileNotexist"}},                          // sign slip into the HTTP family
		{-4091, nil, []string{"ErrOffsetToZero"}},                          // last two digits swapped
		{-4109, nil, []string{"ErrOffsetToZero"}},                          // middle digits swapped
		{-3000, nil, []string{"ErrorProcessOverload"}},                     // a digit added
		{-40190, nil, []string{"ErrCreateControlFile", "ErrOffsetToZero"}}, // a digit added, two readings
		{-6901, nil, []string{"ErrorOssReadFile"}},                         // one digit wrong
		{-4009, nil, nil},   // -4000..-4008 all one digit away: no guess
		{-123456, nil, nil}, // nothing near
		{0, nil, nil},
		{4019, onlyHTTP, []string{"http.StatusUnauthorized"}}, // restricted to statuses: -4019 is not a candidate
		{613, onlyHTTP, []string{"HTTPInvalidAppid"}},         // a swap beats a one-digit change (612, 413)
	} {
		var got []string
		for _, c := range catalog.Suggest(tc.value, tc.keep) {
			got = append(got, c.GoName)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Suggest(%d) = %v, want %v", tc.value, got, tc.want)
		}
	}
}
