package main

import (
	"flag"
	"go/token"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// batchFixes makes the analyzer hand the driver, when -fix is set, one
// fix per file that holds the edits of all the file's fixes, instead of
// one fix per diagnostic.
//
// The driver (x/tools' driverutil.ApplyFixes, used by errcodelint -fix and
// go fix -fixtool) merges each fix into the edits accepted so far, which
// costs time in their number: applying n fixes to one file takes O(n²)
// (8,000 fixes: 4.6 s against 0.5 s to report them; see
// docs/performance.md). With one fix per file it merges once. Under -fix
// the driver prints no diagnostics, so nothing else is lost; the fixes
// are chosen as the driver would choose them: in the order reported, each
// whole or not at all, skipping one whose edits overlap edits already
// accepted unless they are the same edit (the import every fix of a file
// adds); insertions at one position are both kept, in order, as the
// driver keeps them.
func batchFixes(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		if !fixing() {
			return run(pass)
		}
		var diags []analysis.Diagnostic
		collect := *pass
		collect.Report = func(d analysis.Diagnostic) { diags = append(diags, d) }
		result, err := run(&collect)
		for _, d := range batch(pass.Fset, diags) {
			pass.Report(d)
		}
		return result, err
	}
}

// fixing reports whether the driver applies fixes (-fix).
func fixing() bool {
	f := flag.Lookup("fix")
	return f != nil && f.Value.String() == "true"
}

// batch returns one diagnostic per file, at the file's first fixed
// diagnostic, whose only fix holds the edits of every fix of the file
// that does not conflict with those before it. Fixes with edits in
// several files stay as they are.
func batch(fset *token.FileSet, diags []analysis.Diagnostic) []analysis.Diagnostic {
	type fileBatch struct {
		diag     analysis.Diagnostic
		accepted edits
	}
	var (
		out   []analysis.Diagnostic
		files = map[*token.File]*fileBatch{}
		order []*token.File
	)
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		fix := d.SuggestedFixes[0] // the driver applies the first
		file := fset.File(d.Pos)
		if file == nil || !inOneFile(fset, file, fix.TextEdits) {
			out = append(out, d)
			continue
		}
		b := files[file]
		if b == nil {
			b = &fileBatch{diag: d}
			b.diag.Related = nil
			files[file] = b
			order = append(order, file)
		}
		b.accepted.addAll(fix.TextEdits)
	}
	for _, file := range order {
		b := files[file]
		b.diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   b.diag.SuggestedFixes[0].Message,
			TextEdits: b.accepted.list,
		}}
		out = append(out, b.diag)
	}
	return out
}

func inOneFile(fset *token.FileSet, file *token.File, es []analysis.TextEdit) bool {
	for _, e := range es {
		if fset.File(e.Pos) != file {
			return false
		}
	}
	return true
}

// edits are non-overlapping edits of one file, sorted by position.
// Fixes arrive in position order (the analyzer reports them so), so an
// edit is nearly always appended.
type edits struct{ list []analysis.TextEdit }

// addAll adds the edits of one fix, all or none: none when one of them
// overlaps an edit already there and is not that same edit.
func (s *edits) addAll(es []analysis.TextEdit) {
	var add []analysis.TextEdit
	for _, e := range es {
		if !e.End.IsValid() {
			e.End = e.Pos // an insertion
		}
		if s.holds(e) {
			continue // the same edit: the driver merges it into one
		}
		i := s.index(e)
		if i > 0 && overlaps(s.list[i-1], e) || i < len(s.list) && overlaps(s.list[i], e) {
			return
		}
		add = append(add, e)
	}
	for _, e := range add {
		s.list = slices.Insert(s.list, s.index(e), e)
	}
}

// index returns where e goes in the list: after the edits that start
// before it, and after those at its position that were accepted before
// it (the driver's diff.Merge keeps two insertions at one position in the
// order it accepted them).
func (s *edits) index(e analysis.TextEdit) int {
	return sort.Search(len(s.list), func(i int) bool {
		x := s.list[i]
		return x.Pos > e.Pos || x.Pos == e.Pos && x.End > e.End
	})
}

// holds reports whether the list has e already.
func (s *edits) holds(e analysis.TextEdit) bool {
	for i := s.index(e) - 1; i >= 0 && s.list[i].Pos == e.Pos && s.list[i].End == e.End; i-- {
		if string(s.list[i].NewText) == string(e.NewText) {
			return true
		}
	}
	return false
}

// overlaps reports whether two edits touch the same text. Insertions at
// one position do not (the driver applies both, as diff.Merge does), nor
// does an insertion at an end of a replacement. An insertion inside a
// replacement does, where diff.Merge would split the replacement around
// it: errcodelint's fixes make no such pair.
func overlaps(x, y analysis.TextEdit) bool {
	return x.Pos < y.End && y.Pos < x.End
}
