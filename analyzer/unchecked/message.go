package unchecked

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodelint/errcodelint/analyzer/upload"
)

func diagnostic(f *upload.Func, a *upload.Answer, next ast.Node) analysis.Diagnostic {
	what, related := "the next slice goes out", "the next slice send"
	switch {
	case f.Lit != nil && next == ast.Node(f.Lit.Body):
		what, related = "the function literal ends", "the end of the literal"
		next = &ast.Ident{NamePos: f.Lit.Body.Rbrace, Name: "}"}
	case f.Info(next).Finishes && len(f.Info(next).Sends) == 0:
		what, related = "upload_slice_finish goes out", "upload_slice_finish"
	}
	return analysis.Diagnostic{
		Pos:     a.Call.Pos(),
		End:     a.Call.End(),
		Message: "slice sent without testing its reply: " + what + " whatever this one answered, and a failed slice leaves a hole in the file: test its code or error first",
		Related: []analysis.RelatedInformation{{Pos: next.Pos(), End: next.End(), Message: related}},
	}
}
