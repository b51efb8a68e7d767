package catalog_test

import (
	"bufio"
	"bytes"
	"go/constant"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/catalog/internal/catalogdata"
)

func readData(t *testing.T) []catalogdata.Entry {
	t.Helper()
	data, err := os.ReadFile("codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := catalogdata.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("codes.tsv: %v", err)
	}
	return entries
}

// TestGeneratedFilesUpToDate regenerates in memory and compares with what
// is checked in.
func TestGeneratedFilesUpToDate(t *testing.T) {
	entries := readData(t)
	src, err := catalogdata.RenderGo(entries)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]byte{
		"codes_gen.go": src,
		"README.md":    catalogdata.RenderMarkdown(entries),
	} {
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run `go generate` in catalog/ (make generate)", file)
		}
	}
}

// seedEntry is one code as the original list writes it.
type seedEntry struct {
	family, symbol, message string
	value                   int
}

var symbolRE = regexp.MustCompile(`^[A-Za-z0-9_]*[A-Z_][A-Za-z0-9_]*$`)

// readSeed parses the code list the catalog was transcribed from.
func readSeed(t *testing.T, path string) []seedEntry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seedEntry
	family := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if heading, ok := strings.CutPrefix(line, "### "); ok {
			family = ""
			for _, fam := range catalogdata.Families {
				if fam.Heading == heading {
					family = fam.Key
				}
			}
			if family == "" {
				t.Fatalf("seed heading %q matches no family", heading)
			}
			continue
		}
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		e := seedEntry{family: family}
		if strings.HasPrefix(fields[0], "_") { // "_SUCCESS 0 成功": symbol first
			fields[0], fields[1] = fields[1], fields[0]
		}
		num := fields[0]
		if family == "download" {
			num = strings.TrimPrefix(num, "-") // a list bullet, not a sign
		}
		if e.value, err = strconv.Atoi(num); err != nil {
			t.Fatalf("seed line %q: %v", line, err)
		}
		rest := fields[1:]
		if len(rest) > 1 && symbolRE.MatchString(rest[0]) {
			e.symbol, rest = rest[0], rest[1:]
		}
		e.message = strings.Join(rest, " ")
		out = append(out, e)
	}
	return out
}

// TestEveryListedCodeIsInTheCatalog checks the catalog against the code
// list, entry by entry, and that it holds nothing else.
func TestEveryListedCodeIsInTheCatalog(t *testing.T) {
	seed := readSeed(t, filepath.Join("testdata", "seed.txt"))
	if len(seed) != len(catalog.All()) {
		t.Errorf("the list has %d codes, the catalog %d", len(seed), len(catalog.All()))
	}
	for _, s := range seed {
		found := false
		for _, c := range catalog.ByValue(s.value) {
			if c.Family.String() == s.family && c.Symbol == s.symbol {
				found = true
				if strings.Join(strings.Fields(c.Message), " ") != s.message {
					t.Errorf("%d %s: message %q, the list says %q", s.value, s.symbol, c.Message, s.message)
				}
			}
		}
		if !found {
			t.Errorf("listed code %d %s (%s) is not in the catalog", s.value, s.symbol, s.family)
		}
	}
}

// TestSeedCopyMatchesShared guards the copy in testdata against the list
// shared beside the repository, where there is one.
func TestSeedCopyMatchesShared(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "seed", "000_2c2f3daa39d578d8.txt"))
	if err != nil {
		t.Skip("no ../shared beside the repository")
	}
	local, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, local) {
		t.Error("testdata/seed.txt differs from ../shared/seed: the code list changed")
	}
}

func TestEntriesAreComplete(t *testing.T) {
	for _, c := range catalog.All() {
		if c.Action.String() == "Action(?)" || c.Family.String() == "Family(?)" {
			t.Errorf("%d %s: invalid family or action", c.Value, c.GoName)
		}
		if c.Message == "" || c.Gloss == "" || c.GoName == "" {
			t.Errorf("%d: message, gloss and Go name are required", c.Value)
		}
		if lo, hi := c.Family.Range(); c.Value < lo || c.Value > hi {
			t.Errorf("%s = %d lies outside the %s family's range [%d, %d]", c.GoName, c.Value, c.Family, lo, hi)
		}
	}
}

func TestGoNames(t *testing.T) {
	netHTTP, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, e := range readData(t) {
		if prev, dup := seen[e.GoName]; dup && (!e.IsNetHTTP() || prev != e.Value) {
			t.Errorf("line %d: Go name %s is used twice", e.Line, e.GoName)
		}
		seen[e.GoName] = e.Value
		if e.IsNetHTTP() {
			obj, ok := netHTTP.Scope().Lookup(strings.TrimPrefix(e.GoName, "http.")).(*types.Const)
			if v, exact := constant.Int64Val(obj.Val()); !ok || !exact || int(v) != e.Value {
				t.Errorf("line %d: %s is not net/http's constant for %d", e.Line, e.GoName, e.Value)
			}
			continue
		}
		if !token.IsIdentifier(e.GoName) || !token.IsExported(e.GoName) {
			t.Errorf("line %d: %q is not an exported Go identifier", e.Line, e.GoName)
		}
		if e.Symbol != "" {
			derived := catalogdata.GoName(e.Symbol)
			if derived != e.GoName && (token.IsIdentifier(derived) || e.Note == "") {
				t.Errorf("line %d: symbol %s is spelled %s in Go, want %s", e.Line, e.Symbol, e.GoName, derived)
			}
		}
	}
	// Only the COS-specific statuses get constants of their own.
	for _, c := range catalog.All() {
		if c.Family == catalog.FamilyHTTP && !c.IsNetHTTP() && !slices.Contains([]int{599, 612, 631}, c.Value) {
			t.Errorf("standard status %d should be spelled with net/http", c.Value)
		}
	}
}

func TestGoNameDerivation(t *testing.T) {
	for symbol, want := range map[string]string{
		"ERROR_PROXY_AUTH_EXPIRED":    "ErrorProxyAuthExpired",
		"ErrOffsetToZero":             "ErrOffsetToZero",
		"ERROR_CMD_COS_FILE_EXIST":    "ErrorCmdCosFileExist",
		"ERROR_PROXY_FREQ_CONTROL":    "ErrorProxyFreqControl",
		"_SUCCESS":                    "Success",
		"ERROR_CMD_NOT_UTF8_ENCODING": "ErrorCmdNotUTF8Encoding",
		"ERROR_CGI_JSON_PARSE_ERROR":  "ErrorCgiJSONParseError",
		"ERROR_PROCESS_REQ2MSG":       "ErrorProcessReq2Msg",
		"HTTP_FILE_NOTEXIST":          "HTTPFileNotexist",
	} {
		if got := catalogdata.GoName(symbol); got != want {
			t.Errorf("GoName(%q) = %q, want %q", symbol, got, want)
		}
	}
}

// TestActionClasses holds the catalog to the memberships DOMAIN.md
// requires of each class.
func TestActionClasses(t *testing.T) {
	want := map[catalog.Action][]int{
		catalog.ActionSuccess:     {0},
		catalog.ActionDone:        {-4018, -177, -178, -176},
		catalog.ActionRetry:       {-2, -66, -152, -196, -5997, -4025, -71, -300, -89, -86, -84, -5985, -183, -98, -4024},
		catalog.ActionReupload:    {-4019, -4026, -4027, -290, -286, -94, -5983, -4013, -4021, -4016, -174, -175, -5984},
		catalog.ActionFixRequest:  {-3, -4, -96, -97, -61, -180, -4002, -5999},
		catalog.ActionServerFault: {-99, -88, -87, -195, -6991, -9999},
	}
	statuses := map[catalog.Action][]int{
		catalog.ActionSuccess:     {200, 206},
		catalog.ActionRetry:       {504, 503},
		catalog.ActionFixRequest:  {400, 401, 403, 413, 612, 631},
		catalog.ActionServerFault: {500, 599},
	}
	check := func(action catalog.Action, v int) {
		codes := catalog.ByValue(v)
		if len(codes) == 0 {
			t.Errorf("%d is not in the catalog", v)
		}
		for _, c := range codes {
			if c.Action != action {
				t.Errorf("%d %s is %s, DOMAIN.md requires %s", v, c.GoName, c.Action, action)
			}
		}
	}
	for action, values := range want {
		for _, v := range values {
			check(action, v)
		}
	}
	for action, values := range statuses {
		for _, v := range values {
			check(action, v)
		}
	}
}

func TestLookups(t *testing.T) {
	if got := catalog.ByValue(-61); len(got) != 2 || got[0].GoName == got[1].GoName {
		t.Errorf("ByValue(-61) = %v, want the two meanings", got)
	}
	if got := catalog.ByValue(403); len(got) != 2 || got[0].Family == got[1].Family {
		t.Errorf("ByValue(403) = %v, want one entry in each of two families", got)
	}
	if got := catalog.ByValue(4019); got != nil {
		t.Errorf("ByValue(4019) = %v, want nil", got)
	}
	c, ok := catalog.ByGoName("ErrOffsetToZero")
	if !ok || c.Value != -4019 || c.Action != catalog.ActionReupload {
		t.Errorf("ByGoName(ErrOffsetToZero) = %+v, %v", c, ok)
	}
	if c, ok := catalog.ByGoName("http.StatusNotFound"); !ok || c.Value != 404 {
		t.Errorf("ByGoName(http.StatusNotFound) = %+v, %v", c, ok)
	}
	if c, ok := catalog.BySymbol("ERROR_PROXY_FREQ_CONTROL"); !ok || c.Value != -71 || c.Qualified() != "catalog.ErrorProxyFreqControl" {
		t.Errorf("BySymbol(ERROR_PROXY_FREQ_CONTROL) = %+v, %v", c, ok)
	}
	if c, _ := catalog.ByGoName("HTTPFileNotexist"); c.Value != 612 || c.PackagePath() != catalog.ImportPath {
		t.Errorf("HTTPFileNotexist = %+v", c)
	}
	all := catalog.All()
	all[0].Value = 12345
	if catalog.All()[0].Value == 12345 {
		t.Error("All returns the catalog's own storage")
	}
}

func TestStrings(t *testing.T) {
	if s := catalog.ActionFixRequest.String(); s != "fix-request" {
		t.Errorf("ActionFixRequest = %q", s)
	}
	if s := catalog.FamilyPlugin.Title(); s != "file plugin" {
		t.Errorf("FamilyPlugin.Title() = %q", s)
	}
	if s := catalog.Action(0).String(); s != "Action(?)" {
		t.Errorf("Action(0) = %q", s)
	}
	if catalog.ActionReupload.Advice() == "" || catalog.Action(99).Advice() != "" {
		t.Error("Advice: want words for a class and nothing for an invalid one")
	}
}
