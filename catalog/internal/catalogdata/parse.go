// Package catalogdata reads the hand-edited catalog (codes.tsv) and renders
// it as Go source and as a Markdown page. It is shared by the generator and
// by the catalog's staleness test, and deliberately does not import the
// catalog package, so that it still runs when the generated file is broken.
package catalogdata

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Entry is one row of codes.tsv.
type Entry struct {
	Line    int // 1-based line in the data file, for error messages
	Value   int
	Family  string
	Symbol  string
	GoName  string
	Action  string
	Message string
	Gloss   string
	Note    string
}

// Columns is the header row the data file must start with.
var Columns = []string{"value", "family", "symbol", "go_name", "action", "message", "gloss", "note"}

// Families lists the family keys in catalog order, with the Go identifier
// of each family constant and the heading the code list uses.
var Families = []struct{ Key, Ident, Title, Heading string }{
	{"sdk", "FamilySDK", "server SDK", "服务端 SDK 错误码"},
	{"download", "FamilyDownload", "download status", "下载状态码"},
	{"http", "FamilyHTTP", "backend HTTP", "后端 HTTP 返回码"},
	{"business", "FamilyBusiness", "business", "业务返回码"},
	{"proxy", "FamilyProxy", "PROXY", "PROXY 错误码"},
	{"cmd", "FamilyCmd", "CMD", "CMD 错误码"},
	{"cache", "FamilyCache", "file cache", "文件缓存的错误码"},
	{"plugin", "FamilyPlugin", "file plugin", "文件插件错误码"},
	{"cgi", "FamilyCGI", "CGI", "CGI 错误码"},
	{"oss", "FamilyOSS", "OSS", "OSS 错误码"},
}

// Actions lists the action keys with the Go identifier of each constant and
// what the class asks of a client, in words.
var Actions = []struct{ Key, Ident, Advice string }{
	{"success", "ActionSuccess", "the request succeeded"},
	{"done", "ActionDone", "the goal is already reached (the file or bucket exists); treat as success where that is what you wanted"},
	{"retry", "ActionRetry", "transient: send the same request again, with backoff and a bounded budget"},
	{"reupload", "ActionReupload", "the upload session is broken: start the whole upload over with a new upload_slice_init (or resume from upload_slice_list); never resend the slice"},
	{"fix-request", "ActionFixRequest", "the request itself is wrong (parameters, signature, auth, configuration, missing object): resending it cannot help"},
	{"server-fault", "ActionServerFault", "the server failed internally: at most a bounded retry, then surface the error"},
}

// Parse reads the data file. It checks the shape of every row (column
// count, integer value, known family and action); semantic invariants are
// the catalog tests' business.
func Parse(r io.Reader) ([]Entry, error) {
	var entries []Entry
	sc := bufio.NewScanner(r)
	line, header := 0, false
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if len(cells) != len(Columns) {
			return nil, fmt.Errorf("line %d: %d columns, want %d (%s)", line, len(cells), len(Columns), strings.Join(Columns, ", "))
		}
		if !header {
			if strings.Join(cells, "\t") != strings.Join(Columns, "\t") {
				return nil, fmt.Errorf("line %d: header is %q, want %q", line, cells, Columns)
			}
			header = true
			continue
		}
		v, err := strconv.Atoi(cells[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: value %q is not an integer", line, cells[0])
		}
		e := Entry{Line: line, Value: v, Family: cells[1], Symbol: cells[2], GoName: cells[3],
			Action: cells[4], Message: cells[5], Gloss: cells[6], Note: cells[7]}
		if FamilyIdent(e.Family) == "" {
			return nil, fmt.Errorf("line %d: unknown family %q", line, e.Family)
		}
		if ActionIdent(e.Action) == "" {
			return nil, fmt.Errorf("line %d: unknown action %q", line, e.Action)
		}
		if e.GoName == "" || e.Message == "" || e.Gloss == "" {
			return nil, fmt.Errorf("line %d: go_name, message and gloss are required", line)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !header {
		return nil, fmt.Errorf("no header row")
	}
	return entries, nil
}

// FamilyIdent returns the Go identifier of a family key, or "".
func FamilyIdent(key string) string {
	for _, f := range Families {
		if f.Key == key {
			return f.Ident
		}
	}
	return ""
}

// ActionIdent returns the Go identifier of an action key, or "".
func ActionIdent(key string) string {
	for _, a := range Actions {
		if a.Key == key {
			return a.Ident
		}
	}
	return ""
}

// IsNetHTTP reports whether the Go spelling is net/http's constant rather
// than one of the catalog's.
func (e Entry) IsNetHTTP() bool { return strings.HasPrefix(e.GoName, "http.") }
