package evidence

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

const sourcePkg = `package cos

type Reply struct {
	Ret     int
	Status  string
	Elapsed float64
	Session struct{ ID string }
}

func (r *Reply) Code() int      { return r.Ret }
func (r Reply) Err() error      { return nil }
func (Reply) Reset()            {}

type RetCode int32

type Codes []int

var Last int

var Done = make(chan int)

const Success = 0

func Fetch() (int, error) { return 0, nil }
`

func TestCheckSource(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cos.go", sourcePkg, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/cos", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"example.com/cos.Reply.Ret", "example.com/cos.Reply.Status", "example.com/cos.Reply.Code",
		"example.com/cos.RetCode", "example.com/cos.Last", "example.com/cos.Done", "example.com/cos.Fetch",
	} {
		if err := CheckSource(pkg, Source{Name: name}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name, want := range map[string]string{
		"example.com/cos.Reply.Rett":    "type Reply has no field or method Rett; did you mean Ret?",
		"example.com/cos.Reply.ret":     "did you mean Ret?",
		"example.com/cos.Reply.Stauts":  "did you mean Status?",
		"example.com/cos.Replies.Ret":   "package example.com/cos declares no Replies",
		"example.com/cos.Reply.Elapsed": "a field of type float64, which cannot hold a response code",
		"example.com/cos.Reply.Session": "a field of type struct{ID string}",
		"example.com/cos.Reply.Err":     "a method whose first result is error",
		"example.com/cos.Reply.Reset":   "a method without results",
		"example.com/cos.Codes":         "type Codes ([]int), which cannot hold",
		"example.com/cos.Success":       "a constant, which cannot hold",
		"example.com/cos.Last.Value":    "example.com/cos.Last is a variable, not a type with members",
	} {
		err := CheckSource(pkg, Source{Name: name})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "source "+name+": ") {
			t.Errorf("%s: error %v, want it to name the source and say %q", name, err, want)
		}
	}
}

func TestParseSources(t *testing.T) {
	got, err := ParseSources("example.com/cos.Reply.Ret, http:example.com/cos.Reply.Status,")
	if err != nil || len(got) != 2 || got[1] != (Source{Name: "example.com/cos.Reply.Status", Domain: "http"}) {
		t.Errorf("ParseSources = %v, %v", got, err)
	}
	if _, err := ParseSources("example.com/cos.Reply.Ret,Code"); err == nil {
		t.Error("ParseSources accepted Code")
	}
	if p, err := (Source{Name: "example.com/cos.Reply.Ret"}).Package(); p != "example.com/cos" || err != nil {
		t.Errorf("Package() = %q, %v", p, err)
	}
}
