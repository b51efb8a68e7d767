package reupload

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// checkLoops reports the reupload codes that the loops of the scanned
// functions handle as plain retries (forms 1 and 2 of the manual).
//
// The loops of a function that sends one slice (by its name, uploadSlice,
// because it names upload_slice_data and opens no session, or because a
// caller hands it a slice request) send slices, whatever helper they call.
//
// Such a function that sends its slice again by calling itself (return
// c.uploadSlice(session, offset, data, retries-1)) is a loop of its own,
// whose continue is that return.
func (ck *checker) checkLoops(funcs []scannedFunc) {
	for _, f := range funcs {
		fn := f.fn
		sliceSender := fn != nil && (isSliceSendName(fn.Name()) || ck.ops[fn].SendsSlice() || ck.sliceRequests[fn])
		loops := f.loops
		if sliceSender && ck.callsItself(fn, f.body) {
			loops = append(loops, &loopInfo{stmt: f.decl, body: f.body, self: fn, countsAttempts: true, headerVars: map[types.Object]bool{}})
		}
		for _, l := range loops {
			if sliceSender {
				l.sendsSlice, l.sendsUpload = true, true
			}
			w := &loopWalk{ck: ck, l: l, harmlessMemo: make(map[ast.Stmt]bool)}
			end := w.walkList(l.body.List, allCodes, true)
			w.finish(end)
		}
	}
}

// A scannedFunc is a function body and its loops.
type scannedFunc struct {
	decl  *ast.FuncDecl // nil for a function literal outside any declaration
	fn    *types.Func
	body  *ast.BlockStmt
	loops []*loopInfo
}

// callsItself reports whether a function returns a call of itself.
func (ck *checker) callsItself(fn *types.Func, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = found || ck.returnsSelfCall(fn, n)
		}
		return !found
	})
	return found
}

// returnsSelfCall reports whether a return statement returns what a call
// of fn returns.
func (ck *checker) returnsSelfCall(fn *types.Func, s *ast.ReturnStmt) bool {
	if fn == nil || len(s.Results) != 1 {
		return false
	}
	call, ok := ast.Unparen(s.Results[0]).(*ast.CallExpr)
	return ok && typeutil.StaticCallee(ck.pass.TypesInfo, call) == fn
}

// resends reports whether a statement sends the loop round again: a
// continue of the loop, or the return of a function's call of itself.
func (w *loopWalk) resends(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE && w.targetsLoop(s)
	case *ast.ReturnStmt:
		return w.l.self != nil && w.ck.returnsSelfCall(w.l.self, s) || w.retriesReturn(s)
	}
	return false
}

// A loopWalk follows one loop body, statement by statement, with the set
// of codes that can reach each point (the path set). Nested loops are
// walked on their own, so each statement is walked once.
type loopWalk struct {
	ck *checker
	l  *loopInfo

	cands   []candidate // retries found: reported if the loop qualifies
	pending []candidate // retries that fall through: reported if nothing on their path until the end of the body starts over
	// switchOut collects the path sets an unlabeled break leaves a switch
	// with; nil outside a switch.
	switchOut *codeSet
	// advanced holds the codes for which an offset or part index moved on:
	// a retry for those sends the next slice, not the same one.
	advanced       codeSet
	successExit    bool // a branch leaves the loop on success: the loop repeats a request until it succeeds
	usesClassifier bool // a branch is decided by a retry classifier or set

	harmlessMemo map[ast.Stmt]bool
	seq          int // the last candidate's seq
}

// A candidate is a branch that retries a reupload code.
type candidate struct {
	plainForm bool        // form 1: the branch names reupload codes; otherwise form 2: blanket retry
	codes     []namedCode // form 1: the codes the branch names, all at the same expression
	at        ast.Node    // where to report
	kills     codeSet     // a pending candidate dies when a path with one of these codes starts over
	// afterSuccess marks a blanket retry found as what remains after a
	// success test; one found in a branch of its own is reported first.
	afterSuccess bool
	seq          int // the order in which pending retries were found, from 1
}

// span is a range of source for a report that is no single node.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

func (w *loopWalk) walkList(list []ast.Stmt, p codeSet, top bool) codeSet {
	for _, s := range list {
		if top && w.ck.startsOver(s) {
			w.l.restartsEachTime = true
		}
		p = w.walkStmt(s, p)
	}
	return p
}

func (w *loopWalk) walkStmt(s ast.Stmt, p codeSet) codeSet {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return w.walkList(s.List, p, false)
	case *ast.LabeledStmt:
		return w.walkStmt(s.Stmt, p)
	case *ast.IfStmt:
		return w.walkIf(s, p)
	case *ast.SwitchStmt:
		return w.walkSwitch(s, p)
	case *ast.TypeSwitchStmt:
		return w.walkTypeSwitch(s, p)
	case *ast.ReturnStmt:
		if !w.resends(s) {
			w.kill(p)
		}
		return codeSet{}
	case *ast.BranchStmt:
		return w.walkBranch(s, p)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && w.ck.isExit(call) {
			w.kill(p)
			return codeSet{}
		}
	}
	// Any other statement: simple ones, and select, type switches and
	// nested loops taken whole.
	if w.isAdvance(s) {
		w.advanced = w.advanced.union(p)
	}
	if !w.harmless(s) {
		w.kill(p)
	}
	return p
}

func (w *loopWalk) walkBranch(s *ast.BranchStmt, p codeSet) codeSet {
	switch {
	case s.Tok == token.CONTINUE && w.targetsLoop(s):
		// The next iteration: what the branch retries.
	case s.Tok == token.BREAK && s.Label == nil && w.switchOut != nil:
		*w.switchOut = w.switchOut.union(p)
	default: // break out of the loop, continue an outer one, goto, fallthrough
		w.kill(p)
	}
	return codeSet{}
}

// targetsLoop reports whether a continue continues the loop being walked.
func (w *loopWalk) targetsLoop(s *ast.BranchStmt) bool {
	return s.Label == nil || s.Label.Name == w.l.label
}

func (w *loopWalk) walkIf(s *ast.IfStmt, p codeSet) codeSet {
	if s.Init != nil {
		p = w.walkStmt(s.Init, p)
	}
	c := w.ck.cond(s.Cond)
	start := w.seq
	out, takenOut := w.branch(s.Body.List, p.inter(c.may), c)
	elseP := p.minus(c.must).minus(takenOut)
	// The else branch is no continuation of the then branch: what it does
	// cannot undo a retry found there.
	then := w.setAside(start)
	switch e := s.Else.(type) {
	case nil:
		out = out.union(elseP)
	case *ast.IfStmt:
		out = out.union(w.walkIf(e, elseP))
	case *ast.BlockStmt:
		elseOut, _ := w.branch(e.List, elseP, c.not())
		out = out.union(elseOut)
	}
	w.addPending(then...)
	return out
}

// setAside removes the pending retries found since the mark start (a
// value of w.seq), for the walk of a branch that excludes the one they
// were found in.
func (w *loopWalk) setAside(start int) []candidate {
	var aside []candidate
	kept := w.pending[:0]
	for _, c := range w.pending {
		if c.seq > start {
			aside = append(aside, c)
		} else {
			kept = append(kept, c)
		}
	}
	w.pending = kept
	return aside
}

func (w *loopWalk) walkSwitch(s *ast.SwitchStmt, p codeSet) codeSet {
	if s.Init != nil {
		p = w.walkStmt(s.Init, p)
	}
	tagIsCode := s.Tag != nil && w.ck.isCode(s.Tag)
	saved := w.switchOut
	var broke codeSet
	w.switchOut = &broke
	defer func() { w.switchOut = saved }()

	var out, priorMust, priorSel codeSet
	mentions := false
	var dflt *ast.CaseClause
	// Clauses exclude each other: what one does cannot undo a retry found
	// in another.
	start := w.seq
	var aside []candidate
	defer func() { w.addPending(aside...) }()
	for _, st := range s.Body.List {
		cc := st.(*ast.CaseClause)
		if cc.List == nil {
			dflt = cc
			continue
		}
		aside = append(aside, w.setAside(start)...)
		c := w.ck.clauseCond(s, tagIsCode, cc)
		clauseOut, takenOut := w.branch(cc.Body, p.inter(c.may).minus(priorMust), c)
		out = out.union(clauseOut)
		priorMust = priorMust.union(c.must).union(takenOut)
		if c.mentions {
			mentions = true
			priorSel = priorSel.union(c.sel)
		}
	}
	rest := p.minus(priorMust)
	if dflt != nil {
		aside = append(aside, w.setAside(start)...)
		c := condInfo{mentions: mentions, may: priorMust.complement(), at: span{dflt.Case, dflt.Colon + 1}}
		if mentions {
			c.sel = priorSel.complement()
		}
		dfltOut, _ := w.branch(dflt.Body, rest, c)
		out = out.union(dfltOut)
	} else {
		out = out.union(rest)
	}
	return out.union(broke)
}

// walkTypeSwitch walks `switch e := err.(type)`: each clause is a branch
// on something other than the code.
func (w *loopWalk) walkTypeSwitch(s *ast.TypeSwitchStmt, p codeSet) codeSet {
	if s.Init != nil {
		p = w.walkStmt(s.Init, p)
	}
	saved := w.switchOut
	var broke codeSet
	w.switchOut = &broke
	defer func() { w.switchOut = saved }()
	start := w.seq
	var aside []candidate
	defer func() { w.addPending(aside...) }()
	var out codeSet
	hasDefault := false
	for _, st := range s.Body.List {
		cc := st.(*ast.CaseClause)
		hasDefault = hasDefault || cc.List == nil
		aside = append(aside, w.setAside(start)...)
		clauseOut, _ := w.branch(cc.Body, p, unknownCond())
		out = out.union(clauseOut)
	}
	if !hasDefault {
		out = out.union(p)
	}
	return out.union(broke)
}

// branch walks the statements run when c holds, with path set p, and
// returns the path set after them.
//
// It also returns the codes the branch takes out, by naming them or
// looking into the error that carries them, without retrying: the paths
// that do not take the branch no longer hold them either.
func (w *loopWalk) branch(list []ast.Stmt, p codeSet, c condInfo) (out, takenOut codeSet) {
	sel := p
	if c.mentions {
		sel = p.inter(c.sel)
	}
	var named []namedCode
	var handled codeSet // codes the branch names: handled here, whatever it does
	for _, n := range c.selected(p) {
		handled = handled.union(setOf(n.value))
		if n.via != "" {
			w.usesClassifier = true
		}
		if isReupload(n.value) {
			named = append(named, n)
		}
	}
	if !c.mentions && len(named) == 0 && flat(list) && w.harmlessOrExit(list) {
		// `if attempts > max { return err }`: a retry budget, not a
		// decision about the code. The retries go on until it runs out.
		return p, codeSet{}
	}
	kind := w.classify(list)
	if kind != other {
		var cs []candidate
		if len(named) > 0 {
			cs = groupNamed(named)
		} else if c.mentions && !c.opaque && sel.contains(reuploadCodes) && !successCodes.minus(c.sel).empty() && !sel.intersects(reuploadCodes.inter(handled)) {
			cs = []candidate{{at: c.at, kills: reuploadCodes}}
		}
		if kind == plainContinue {
			w.cands = append(w.cands, cs...)
			return codeSet{}, codeSet{}
		}
		w.addPending(cs...)
		return p, codeSet{}
	}
	if c.opaque || c.src != nil && w.ck.inspectsCodeError(c.src) {
		// errors.Is(err, errSession), isRetryable(err): the branch may
		// take the reupload codes out.
		handled = handled.union(reuploadCodes)
	}
	inner := w.walkList(list, p, false)
	if c.mentions && !sel.empty() && successCodes.union(doneCodes).contains(sel) && sel.intersects(successCodes) && inner.empty() {
		// `if resp.Code == 0 { break }`: the codes that do not take this
		// branch go on, and come back to the top unless something on the
		// way starts over.
		if w.leavesLoop(list) {
			w.successExit = true
		}
		w.addPending(candidate{at: c.at, kills: reuploadCodes, afterSuccess: true})
	}
	return inner.minus(c.must).minus(handled), handled
}

// flat reports whether a statement list holds no further decisions.
func flat(list []ast.Stmt) bool {
	for _, s := range list {
		switch s.(type) {
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.BlockStmt, *ast.ForStmt, *ast.RangeStmt:
			return false
		}
	}
	return true
}

// groupNamed makes one candidate per expression: a case value, an equality
// operand, or a classifier call naming several codes.
func groupNamed(named []namedCode) []candidate {
	var out []candidate
	index := make(map[ast.Expr]int)
	for _, n := range named {
		i, ok := index[n.expr]
		if !ok {
			i = len(out)
			index[n.expr] = i
			out = append(out, candidate{plainForm: true, at: n.expr})
		}
		out[i].codes = append(out[i].codes, n)
		out[i].kills = out[i].kills.union(setOf(n.value))
	}
	return out
}

// maxPending bounds the retries that wait for the end of the body, so
// that kill stays constant-time however long the body.
const maxPending = 32

func (w *loopWalk) addPending(cs ...candidate) {
	for _, c := range cs {
		if len(w.pending) < maxPending {
			if c.seq == 0 {
				w.seq++
				c.seq = w.seq
			}
			w.pending = append(w.pending, c)
		}
	}
}

// kill drops the pending retries that a path with the codes p leaves, by
// exiting the loop or doing something other than waiting, logging or
// counting.
func (w *loopWalk) kill(p codeSet) {
	if p.empty() {
		return
	}
	kept := w.pending[:0]
	for _, c := range w.pending {
		if !c.kills.intersects(p) {
			kept = append(kept, c)
		}
	}
	w.pending = kept
}

// leavesLoop reports whether a statement list ends by leaving the loop.
func (w *loopWalk) leavesLoop(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && (s.Label != nil && s.Label.Name == w.l.label || s.Label == nil && w.switchOut == nil)
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && w.ck.isExit(call)
	}
	return false
}

// finish decides whether the loop is one that sends slices or retries a
// request, and reports.
func (w *loopWalk) finish(end codeSet) {
	l := w.l
	if l.restartsEachTime {
		return // every iteration starts over: continuing is a restart
	}
	cands := w.cands
	pending := w.pending
	if l.self != nil || l.retried != notRetried {
		pending = nil // falling off the end of a function returns
	}
	for _, c := range pending {
		if c.plainForm && end.intersects(c.kills) || !c.plainForm && end.contains(reuploadCodes) {
			cands = append(cands, c)
		}
	}
	// A retry loop counts when it sends something of the sliced upload or
	// handles a session, or when it sends a request that could be anything
	// (a helper such as do(params)); retrying a stat is none of this
	// check's business.
	retryLoop := (l.countsAttempts || (w.successExit || w.usesClassifier) && !l.overCollection) && (l.sendsUpload || !l.sendsOther)
	sliceLoop := l.isSliceLoop()
	if !retryLoop && !sliceLoop {
		return
	}
	related := []analysis.RelatedInformation{{Pos: l.stmt.Pos(), End: l.body.Lbrace, Message: "the loop that retries"}}
	switch {
	case l.self != nil:
		related[0].Message = "the function that sends the slice again by calling itself"
	case l.retried != notRetried:
		related[0].Message = "the function a retry library calls again when it returns an error"
	case sliceLoop:
		related[0].Message = "the slice-upload loop"
	}
	plain := false
	for _, c := range cands {
		if c.plainForm {
			plain = true
			w.ck.diag(analysis.Diagnostic{Pos: c.at.Pos(), End: c.at.End(), Message: plainRetryMessage(c.codes), Related: related})
		}
	}
	// A blanket retry resends the same slice only if nothing moved on to
	// the next one for the reupload codes first.
	resends := sliceLoop && (retryLoop || !l.hasPost && !l.overCollection) && !w.advanced.intersects(reuploadCodes)
	if plain || !resends {
		return
	}
	var blanket *candidate
	for i, c := range cands {
		if !c.plainForm && (blanket == nil || blanket.afterSuccess && !c.afterSuccess) {
			blanket = &cands[i]
		}
	}
	if blanket != nil { // one blanket report per loop
		w.ck.diag(analysis.Diagnostic{Pos: blanket.at.Pos(), End: blanket.at.End(), Message: blanketRetryMessage(), Related: related})
	}
}

const remedy = "start a new upload with upload_slice_init or resume via upload_slice_list"

func plainRetryMessage(codes []namedCode) string {
	vs := make([]int, len(codes))
	for i, n := range codes {
		vs[i] = n.value
	}
	if via := codes[0].via; via != "" {
		noun, pronoun := "code", "it"
		if len(vs) > 1 {
			noun, pronoun = "codes", "them"
		}
		return fmt.Sprintf("%s answers yes for reupload %s %s, so this retry resends in a broken upload session: handle %s first and %s", via, noun, describeSome(preferred(vs)), pronoun, remedy)
	}
	return fmt.Sprintf("reupload code %s handled as a plain retry in the same upload session: %s", cosapi.DescribeValue(vs[0]), remedy)
}

func blanketRetryMessage() string {
	return fmt.Sprintf("slice resent in the same upload session on every failure code, including reupload codes such as %s: handle those first and %s", cosapi.DescribeValue(preferred(reuploadCodes.values())[0]), remedy)
}
