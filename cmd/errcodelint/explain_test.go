package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
)

func explain(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = runExplain(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestExplainCodes(t *testing.T) {
	status, out, errOut := explain("-4026", "-71", "-61", "612")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	for _, want := range []string{
		"-4026  ErrOffsetBackTooMuch  [file plugin family",
		"Go:       catalog.ErrOffsetBackTooMuch",
		"message:  索引被删除或SHA不一致，请重新上传",
		"action:   reupload: the upload session is broken",
		"-71  ERROR_PROXY_FREQ_CONTROL",
		"action:   retry:",
		"-61 has 2 meanings in the code list",
		"catalog.ErrorProxySignBucketNotmatch",
		"catalog.ErrorProxyInvalidCmdReq",
		"612  HTTP_FILE_NOTEXIST  [backend HTTP family",
		"Go:       catalog.HTTPFileNotexist",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExplainSharedStatus(t *testing.T) {
	_, out, _ := explain("403")
	if !strings.Contains(out, "403 is listed in 2 families") || !strings.Contains(out, "http.StatusForbidden") {
		t.Errorf("explain 403:\n%s", out)
	}
}

func TestExplainUnknownCode(t *testing.T) {
	status, out, errOut := explain("-71", "4019")
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if !strings.Contains(out, "ERROR_PROXY_FREQ_CONTROL") {
		t.Errorf("the known code was not explained:\n%s", out)
	}
	want := "4019 is not a COS v4 response code; did you mean -4019 (catalog.ErrOffsetToZero)?"
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

// TestExplainNames: a code can be asked for by its Go name, with or
// without the package, or by its documented symbol.
func TestExplainNames(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"ErrOffsetToZero", "-4019  ErrOffsetToZero  [file plugin family"},
		{"catalog.ErrOffsetToZero", "-4019  ErrOffsetToZero  [file plugin family"},
		{"ERROR_PROXY_FREQ_CONTROL", "-71  ERROR_PROXY_FREQ_CONTROL"},
		{"ErrorProxyFreqControl", "-71  ERROR_PROXY_FREQ_CONTROL"},
		{"http.StatusNotFound", "Go:       http.StatusNotFound"},
	} {
		status, out, errOut := explain(tc.name)
		if status != 0 || errOut != "" || !strings.Contains(out, tc.want) {
			t.Errorf("explain %s: status %d, stderr %q, stdout:\n%s\nwant %q", tc.name, status, errOut, out, tc.want)
		}
	}
	// A status listed in two families is explained in both.
	if _, out, _ := explain("http.StatusForbidden"); strings.Count(out, "Go:       http.StatusForbidden") != 2 {
		t.Errorf("explain http.StatusForbidden:\n%s\nwant both entries", out)
	}
	// A name and a value in one call.
	if status, out, _ := explain("ErrOffsetToZero", "-71"); status != 0 || !strings.Contains(out, "-4019") || !strings.Contains(out, "-71") {
		t.Errorf("explain ErrOffsetToZero -71: status %d:\n%s", status, out)
	}
}

func TestExplainUnknownName(t *testing.T) {
	status, _, errOut := explain("errOffsetToZero")
	if status != 1 || !strings.Contains(errOut, "errOffsetToZero is neither a value, a Go name nor a documented symbol") ||
		!strings.Contains(errOut, "did you mean catalog.ErrOffsetToZero?") {
		t.Errorf("explain errOffsetToZero: status %d, stderr %q", status, errOut)
	}
	if status, _, errOut := explain("abc"); status != 1 || !strings.Contains(errOut, "abc is neither") || strings.Contains(errOut, "did you mean") {
		t.Errorf("explain abc: status %d, stderr %q", status, errOut)
	}
}

func TestExplainUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"-bogus"}, {"-json", "-4019"}, {"-json", "ErrOffsetToZero"}} {
		if status, _, errOut := explain(args...); status != 2 || errOut == "" {
			t.Errorf("explain %q: status %d, stderr %q; want 2 and a message", args, status, errOut)
		}
	}
	if status, out, _ := explain("-h"); status != 0 || !strings.Contains(out, "usage:") {
		t.Errorf("explain -h: status %d, out %q", status, out)
	}
}

func TestExplainJSON(t *testing.T) {
	status, out, _ := explain("-json")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(catalog.All()) {
		t.Fatalf("%d objects, want %d", len(got), len(catalog.All()))
	}
	for _, key := range []string{"value", "family", "symbol", "go_name", "message", "gloss", "action"} {
		if _, ok := got[0][key]; !ok {
			t.Errorf("object lacks key %q: %v", key, got[0])
		}
	}
	found := false
	for _, o := range got {
		if o["value"] == float64(-4019) {
			found = o["symbol"] == "ErrOffsetToZero" && o["family"] == "plugin" && o["action"] == "reupload"
		}
	}
	if !found {
		t.Error("-4019 is missing or wrong in the JSON catalog")
	}
}
