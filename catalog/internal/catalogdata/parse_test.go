package catalogdata

import (
	"strings"
	"testing"
)

const header = "value\tfamily\tsymbol\tgo_name\taction\tmessage\tgloss\tnote\n"

func TestParseRejectsMalformedRows(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"no header", "# only a comment\n", "no header row"},
		{"wrong header", "value\tfamily\n", "2 columns, want 8"},
		{"renamed column", strings.Replace(header, "gloss", "english", 1), "header is"},
		{"short row", header + "-1\tsdk\n", "line 2: 2 columns"},
		{"bad value", header + "x\tsdk\t\tA\tretry\tm\tg\t\n", `line 2: value "x" is not an integer`},
		{"bad family", header + "-1\tsdx\t\tA\tretry\tm\tg\t\n", `unknown family "sdx"`},
		{"bad action", header + "-1\tsdk\t\tA\tresend\tm\tg\t\n", `unknown action "resend"`},
		{"missing gloss", header + "-1\tsdk\t\tA\tretry\tm\t\t\n", "go_name, message and gloss are required"},
	} {
		_, err := Parse(strings.NewReader(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestParseReadsRows(t *testing.T) {
	entries, err := Parse(strings.NewReader("# comment\n\n" + header + "-4019\tplugin\tErrOffsetToZero\tErrOffsetToZero\treupload\t入库失败，请重新上传\tstoring failed\tnote\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Line: 4, Value: -4019, Family: "plugin", Symbol: "ErrOffsetToZero", GoName: "ErrOffsetToZero",
		Action: "reupload", Message: "入库失败，请重新上传", Gloss: "storing failed", Note: "note"}
	if len(entries) != 1 || entries[0] != want {
		t.Errorf("Parse = %+v, want %+v", entries, want)
	}
}
