package reupload

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodelint/errcodelint/analyzer/internal/exprinfo"
	"github.com/errcodelint/errcodelint/catalog"
)

// What a branch does, as far as the check cares.
type branchKind uint8

const (
	other         branchKind = iota // it starts over, exits, or does something the check cannot vouch for
	plainContinue                   // it only waits, logs or counts, then continues the loop
	plainFall                       // it only waits, logs or counts, then falls through
)

// classify says what a branch does.
func (w *loopWalk) classify(list []ast.Stmt) branchKind {
	if !w.harmlessList(list) {
		return other
	}
	switch falls, continues := w.flow(list); {
	case falls:
		return plainFall
	case continues:
		return plainContinue
	}
	return other // every path leaves the loop
}

// harmlessList reports whether every statement of a branch only waits,
// logs or counts, or ends the branch.
func (w *loopWalk) harmlessList(list []ast.Stmt) bool {
	for _, s := range list {
		switch s := s.(type) {
		case *ast.BranchStmt:
			if w.resends(s) || s.Tok == token.BREAK && s.Label == nil && w.switchOut != nil {
				continue
			}
			return false
		case *ast.ReturnStmt:
			if w.resends(s) && w.harmlessResults(s) {
				continue
			}
			return false
		case *ast.BlockStmt:
			if !w.harmlessList(s.List) {
				return false
			}
			continue
		}
		if !w.harmless(s) {
			return false
		}
	}
	return true
}

// flow follows the paths through a harmless statement list: whether one
// falls off its end, and whether one continues the loop.
// `if retries < max { retries++; continue } else { return err }` never
// falls off, and continues.
func (w *loopWalk) flow(list []ast.Stmt) (falls, continues bool) {
	for _, s := range list {
		switch s := s.(type) {
		case *ast.BranchStmt:
			switch {
			case s.Tok == token.CONTINUE && w.targetsLoop(s):
				return false, true
			case s.Tok == token.BREAK && s.Label == nil && w.switchOut != nil:
				return true, continues // leaves the switch: on after it
			}
			return false, continues
		case *ast.ReturnStmt:
			return false, continues || w.resends(s)
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && w.ck.isExit(call) {
				return false, continues
			}
		case *ast.BlockStmt:
			f, c := w.flow(s.List)
			continues = continues || c
			if !f {
				return false, continues
			}
		case *ast.IfStmt:
			f, c := w.flowIf(s)
			continues = continues || c
			if !f {
				return false, continues
			}
		}
	}
	return true, continues
}

func (w *loopWalk) flowIf(s *ast.IfStmt) (falls, continues bool) {
	thenFalls, thenCont := w.flow(s.Body.List)
	elseFalls, elseCont := true, false
	switch e := s.Else.(type) {
	case *ast.IfStmt:
		elseFalls, elseCont = w.flowIf(e)
	case *ast.BlockStmt:
		elseFalls, elseCont = w.flow(e.List)
	}
	return thenFalls || elseFalls, thenCont || elseCont
}

// harmless reports whether a statement only waits, logs or counts: it
// neither touches the session's state (session, offset, the loop's own
// variables) nor calls anything but sleeps, loggers, formatters, counters
// and a resend of the same slice. A nested if may end the loop (a retry
// budget running out) without making the branch less of a retry.
func (w *loopWalk) harmless(s ast.Stmt) bool {
	if h, ok := w.harmlessMemo[s]; ok {
		return h
	}
	h := w.harmlessUncached(s)
	w.harmlessMemo[s] = h
	return h
}

func (w *loopWalk) harmlessUncached(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.EmptyStmt:
		return true
	case *ast.IncDecStmt:
		return w.harmlessTarget(s.X)
	case *ast.AssignStmt:
		for _, lhs := range s.Lhs {
			if !w.harmlessTarget(lhs) {
				return false
			}
		}
		for _, rhs := range s.Rhs {
			if !w.harmlessExpr(rhs) || namesRestart(rhs) {
				return false
			}
		}
		return true
	case *ast.ExprStmt:
		return w.harmlessExpr(s.X)
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return ok
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, n := range vs.Names {
				if isStateName(n.Name) {
					return false
				}
			}
			for _, v := range vs.Values {
				if !w.harmlessExpr(v) {
					return false
				}
			}
		}
		return true
	case *ast.IfStmt:
		if s.Init != nil && !w.harmless(s.Init) || !w.harmlessExpr(s.Cond) || !w.harmlessOrExit(s.Body.List) {
			return false
		}
		switch e := s.Else.(type) {
		case *ast.IfStmt:
			return w.harmless(e)
		case *ast.BlockStmt:
			return w.harmlessOrExit(e.List)
		}
		return true
	case *ast.BlockStmt:
		for _, st := range s.List {
			if !w.harmless(st) {
				return false
			}
		}
		return true
	case *ast.SelectStmt:
		// select { case <-ctx.Done(): return ctx.Err(); case <-time.After(d): }
		for _, st := range s.Body.List {
			cc := st.(*ast.CommClause)
			if cc.Comm != nil && !w.harmless(cc.Comm) || !w.harmlessOrExit(cc.Body) {
				return false
			}
		}
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE && w.targetsLoop(s)
	}
	return false
}

// harmlessResults reports whether a return that resends only computes
// what it returns: the arguments of a function's call of itself
// (retries-1), the error a retried function returns (fmt.Errorf(...)).
func (w *loopWalk) harmlessResults(s *ast.ReturnStmt) bool {
	for _, r := range s.Results {
		if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && w.l.self != nil && typeutil.StaticCallee(w.ck.pass.TypesInfo, call) == w.l.self {
			for _, a := range call.Args {
				if !w.harmlessExpr(a) {
					return false
				}
			}
			continue
		}
		if !w.harmlessExpr(r) {
			return false
		}
	}
	return true
}

// harmlessOrExit reports whether every statement of a nested block is
// harmless or leaves (return, break, panic).
func (w *loopWalk) harmlessOrExit(list []ast.Stmt) bool {
	for _, s := range list {
		switch s := s.(type) {
		case *ast.ReturnStmt:
			continue
		case *ast.BranchStmt:
			if s.Tok == token.BREAK {
				continue
			}
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && w.ck.isExit(call) {
				continue
			}
		}
		if !w.harmless(s) {
			return false
		}
	}
	return true
}

// harmlessTarget reports whether assigning to lhs leaves the session
// alone: a counter, a delay, the last error; not the session, the offset
// or a variable that steps the loop.
func (w *loopWalk) harmlessTarget(lhs ast.Expr) bool {
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name == "_" {
		return true
	}
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && isStateName(sel.Sel.Name) {
		return false
	}
	id := exprinfo.RootIdent(lhs)
	if id == nil {
		return false
	}
	if isStateName(id.Name) || isRestartCallName(id.Name) {
		return false
	}
	if obj := w.ck.pass.TypesInfo.ObjectOf(id); obj != nil && w.l.headerVars[obj] && !countsAttempts(id.Name) {
		return false
	}
	// A flag (broken = true) is how a loop tells its top to start over.
	if t := w.ck.pass.TypesInfo.TypeOf(lhs); t != nil {
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return false
		}
	}
	return true
}

// isAdvance reports whether a statement moves on to another slice: it
// assigns the offset or a variable that steps the loop.
func (w *loopWalk) isAdvance(s ast.Stmt) bool {
	var targets []ast.Expr
	switch s := s.(type) {
	case *ast.IncDecStmt:
		targets = []ast.Expr{s.X}
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			return false
		}
		targets = s.Lhs
	}
	for _, t := range targets {
		if id := exprinfo.RootIdent(t); id != nil && !countsAttempts(id.Name) && !w.harmlessTarget(t) {
			return true
		}
	}
	return false
}

// harmlessExpr reports whether evaluating e calls nothing but harmless
// functions.
func (w *loopWalk) harmlessExpr(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ok = false
		case *ast.CallExpr:
			if !w.ck.harmlessCall(n) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// Packages whose functions only compute, format, wait or log.
var harmlessPkgs = map[string]bool{
	"fmt": true, "errors": true, "strconv": true, "strings": true, "bytes": true, "math": true,
	"math/rand": true, "math/rand/v2": true, "sync/atomic": true, "unicode/utf8": true,
	"time": true, "log/slog": true, "context": true,
}

// Method names that only read, format or count.
var harmlessMethods = map[string]bool{
	"Error": true, "Errorf": true, "String": true, "Err": true, "Done": true, "Unwrap": true,
	"Seconds": true, "Milliseconds": true, "Load": true, "Add": true, "Inc": true, "Observe": true,
}

// harmlessCall reports whether a call only waits, logs, formats or counts,
// or resends the same slice.
func (ck *checker) harmlessCall(call *ast.CallExpr) bool {
	info := ck.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() != "panic"
		}
	}
	name := calleeName(call)
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if ops := ck.opsOf(fn); ops != 0 {
		return ops.SendsSlice() // resending the slice is the retry; opening a session is not
	}
	if isRestartCallName(name) {
		return false
	}
	if isSliceSendName(name) {
		return true
	}
	if fn != nil && fn.Pkg() != nil {
		switch path := fn.Pkg().Path(); {
		case path == "log":
			return !strings.HasPrefix(name, "Fatal") && !strings.HasPrefix(name, "Panic")
		case harmlessPkgs[path]:
			return true
		}
	}
	return harmlessMethods[name] || isHarmlessCallName(name)
}

// isExit reports whether a call ends the program or the goroutine.
func (ck *checker) isExit(call *ast.CallExpr) bool {
	info := ck.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "os":
		return fn.Name() == "Exit"
	case "runtime":
		return fn.Name() == "Goexit"
	case "log":
		return strings.HasPrefix(fn.Name(), "Fatal") || strings.HasPrefix(fn.Name(), "Panic")
	}
	return false
}

// startsOver reports whether a top-level statement of a loop body opens a
// session or resumes one on every iteration: it names upload_slice_init or
// upload_slice_list, or calls a function that does or says it does.
func (ck *checker) startsOver(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.IfStmt:
		return s.Init != nil && ck.startsOver(s.Init)
	case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt:
	default:
		return false
	}
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BasicLit, *ast.Ident:
			if ck.stringOps(n.(ast.Expr)).Restarts() {
				found = true
			}
		case *ast.SelectorExpr:
			if ck.stringOps(n).Restarts() {
				found = true
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(ck.pass.TypesInfo, n).(*types.Func)
			ops := ck.opsOf(fn)
			if ops.Restarts() || ops == 0 && isRestartCallName(calleeName(n)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// preferred orders reupload codes for a message: those whose message says
// "upload again" (请重新上传) first, then by magnitude.
func preferred(vs []int) []int {
	out := append([]int(nil), vs...)
	says := func(v int) bool {
		for _, c := range catalog.ByValue(v) {
			if strings.Contains(c.Message, "请重新上传") {
				return true
			}
		}
		return false
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := says(out[i]), says(out[j])
		if si != sj {
			return si
		}
		return abs(out[i]) < abs(out[j])
	})
	return out
}

// namesRestart reports whether an assigned value names a restart:
// u.next = stateInit.
func namesRestart(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return isRestartCallName(e.Name)
	case *ast.SelectorExpr:
		return isRestartCallName(e.Sel.Name)
	}
	return false
}
