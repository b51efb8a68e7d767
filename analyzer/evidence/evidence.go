package evidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/internal/results"
	"github.com/errcodelint/errcodelint/catalog"
)

// Name is the evidence analyzer's name.
const Name = "coscodes"

// Analyzer is the evidence analyzer with its default configuration, bound
// to its flags.
var Analyzer = New(&Config{})

// New returns an evidence analyzer that uses cfg. Its flags write to cfg,
// so each analyzer should get its own.
func New(cfg *Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:             Name,
		Doc:              doc,
		URL:              URL,
		Run:              func(pass *analysis.Pass) (any, error) { return run(pass, cfg) },
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*Result](),
		FactTypes:        []analysis.Fact{new(codeSourceFact)},
	}
	cfg.bindFlags(&a.Flags)
	return a
}

// URL is the evidence analyzer's manual.
const URL = "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/evidence"

// CategoryDirective is the category of the diagnostics about malformed
// //errcodelint: comments.
const CategoryDirective = "directive"

var urls = map[string]string{CategoryDirective: "#hdr-Directives"}

// Of returns the evidence result among those a pass was given: every
// analyzer of errcodelint requires an evidence analyzer.
func Of(pass *analysis.Pass) *Result { return results.Of[*Result](pass) }

// A Result is what the evidence analyzer learnt about one package. It is
// read-only: the analyzers that require it may use it concurrently.
type Result struct {
	fset     *token.FileSet
	relevant bool
	cos      bool
	store    *store
	insp     *inspector.Inspector
	syn      *Syntax
	files    map[*token.File]*ast.File
	skipped  map[*token.File]bool // generated files, when they are not checked
	ignored  map[*token.File]map[int]bool
}

// Relevant reports whether anything ties the package to the COS v4 API.
// When it does not, nothing holds a code and every other method answers
// as for an empty package: the checks can stop at once.
func (r *Result) Relevant() bool { return r.relevant }

// IsCOSClient reports whether the package evidently talks to the COS v4
// API: it imports the catalog, builds the API's URLs or names its
// slice-upload operations.
func (r *Result) IsCOSClient() bool { return r.cos }

// Domain returns the kind of response code e holds, or NoDomain.
func (r *Result) Domain(e ast.Expr) Domain {
	if r.store == nil {
		return NoDomain
	}
	return r.store.domainOf(e)
}

// IsCode reports whether e holds a response code.
func (r *Result) IsCode(e ast.Expr) bool { return r.Domain(e) != NoDomain }

// ObjectDomain returns the kind of code a declaration holds (for a
// function: its result at index result), or NoDomain.
func (r *Result) ObjectDomain(obj types.Object, result int) Domain {
	if r.store == nil {
		return NoDomain
	}
	return r.store.objDomain(obj, result)
}

// Inspector returns an inspector of the package's files; nil when the
// package is not relevant (it is built only for the packages that are).
func (r *Result) Inspector() *inspector.Inspector { return r.insp }

// Syntax returns what the evidence analyzer's walk collected.
func (r *Result) Syntax() *Syntax {
	if r.syn == nil {
		return new(Syntax)
	}
	return r.syn
}

// File returns the syntax of the package's file that holds pos, or nil.
func (r *Result) File(pos token.Pos) *ast.File {
	return r.files[r.fset.File(pos)]
}

// Suppressed reports whether an //errcodelint:ignore directive with a
// reason silences a diagnostic at pos.
func (r *Result) Suppressed(pos token.Pos) bool {
	tf := r.fset.File(pos)
	return tf != nil && r.ignored[tf][tf.Line(pos)]
}

// Skipped reports whether a diagnostic at pos is not to be reported: it
// lies in a generated file (unless -generated is set), or in no file of
// the package.
func (r *Result) Skipped(pos token.Pos) bool {
	tf := r.fset.File(pos)
	return r.files[tf] == nil || r.skipped[tf]
}

var _ report.Filter = (*Result)(nil)

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	res := &Result{fset: pass.Fset, files: make(map[*token.File]*ast.File), skipped: make(map[*token.File]bool)}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		res.files[tf] = f
		res.skipped[tf] = ast.IsGenerated(f) && !isCgoTranslation(f) && !cfg.Generated
	}
	if isCatalog(pass.Pkg.Path()) {
		return res, nil // the catalog spells every code; it is never reported
	}
	if !cfg.Ungated && !mayHoldCodes(pass, cfg) {
		return res, nil
	}
	res.relevant = true
	res.insp = inspector.New(pass.Files)
	syn := collect(pass.TypesInfo, pass.Pkg, res.insp)
	res.syn = syn
	res.cos = isCOSClient(pass, syn.strings)
	st := newStore(pass, cfg, res.cos)
	res.store = st
	rep := report.New(pass, res, urls)
	res.ignored = parseDirectives(pass, st, rep.Report)
	st.seedEnvelopes(syn.structs)
	st.seedCatalogComparisons(syn.Comparisons)
	st.propagate(syn.Flows)
	st.exportFacts()
	rep.Flush()
	return res, nil
}

// isCatalog reports whether path is the catalog, one of its internal
// packages, or its external test package.
func isCatalog(path string) bool {
	path = strings.TrimSuffix(path, "_test")
	return path == catalog.ImportPath || strings.HasPrefix(path, catalog.ImportPath+"/")
}

// isCgoTranslation reports whether f is cmd/cgo's rewrite of a hand-written
// file of a package that imports "C": the drivers analyze that instead of
// the file itself, and its "Code generated" header is cgo's, not the
// author's.
func isCgoTranslation(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if c.Text == "// Code generated by cmd/cgo; DO NOT EDIT." {
				return true
			}
		}
	}
	return false
}
