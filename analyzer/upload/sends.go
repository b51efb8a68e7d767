package upload

import (
	"go/ast"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

// markSends decides, once every summary is known, which calls of f send a
// slice into an existing session and which start the upload over, and
// reports whether f sends slices, requests that may be slices, opens or
// lists a session, or sends upload_slice_finish (the answer of the whole
// upload).
func (pr *protocol) markSends(f *Func) bool {
	any := false
	for _, c := range f.calls {
		if c.sum != nil && c.sum.local != nil {
			// The summaries are complete now, those of recursive calls too.
			c.sum = c.sum.local.summary()
			c.transmits = c.transmits || c.sum.transmits
			c.sensitive = sensitiveArgs(c.expr, c.sum.reqParams)
		}
		c.restart = pr.restarts(c)
		c.sliceSend = !c.restart && pr.sendsSlice(f, c)
		ops := c.request.opsSent()
		if c.sum != nil {
			ops |= c.sum.ops // what the callee sends (m.end(...) sends upload_slice_finish)
		}
		c.generic = c.transmits && !c.sliceSend && !c.restart && ops == 0
		finishes := c.transmits && !c.sliceSend && !c.restart && ops&cosapi.OpFinish != 0
		any = any || c.sliceSend || c.generic || finishes || c.restart && c.transmits
	}
	return any
}

// sendsSlice reports whether a call sends a slice: it calls a function
// that does (by its operations, the requests its callers hand it, or, the
// last evidence, its name), or it sends a request built from the
// upload_slice_data op string or from files/v1's upload_slice with a
// session, or it sends what a function that sends slices was given.
func (pr *protocol) sendsSlice(f *Func, c *call) bool {
	if c.sum != nil {
		if c.sum.ops.SendsSlice() {
			return true
		}
		if g := c.sum.local; g != nil && g.ops == 0 && g.Obj != nil && g.transmits && isSliceSendName(g.Obj.Name()) {
			return true
		}
		if c.sum.ops.Upload() != 0 {
			return false // it sends what its operations say: another step
		}
	}
	if c.transmits {
		ops := c.request.opsSent()
		if ops&cosapi.OpData != 0 && !ops.Restarts() {
			return true
		}
		if ops.Upload() == 0 && pr.isSliceSender(f) {
			return true // the request came in through the parameters
		}
	}
	if c.sum == nil && c.fn != nil && isSliceSendName(c.fn.Name()) {
		return true
	}
	return false
}

// restarts reports whether a call opens a new session or resumes one: it
// calls a function that does, or sends an upload_slice_init or
// upload_slice_list request (or files/v1's opener), or, when nothing else
// is known of it, its name says it does (initUpload, restartUpload).
func (pr *protocol) restarts(c *call) bool {
	if c.sum != nil && c.sum.ops.Restarts() {
		return true
	}
	if c.transmits {
		if ops := c.request.opsSent(); ops.Restarts() && ops&cosapi.OpData == 0 {
			return true
		}
	}
	if c.fn != nil && isStd(c.fn.Pkg()) {
		return false // bytes.Buffer.Reset starts nothing over
	}
	if c.sum == nil || c.sum.ops == 0 {
		return isRestartCallName(calleeName(c.expr))
	}
	return false
}

// calleeName returns the name a call spells: Sleep in time.Sleep, logf in
// c.logf.
func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // generic instantiation
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}

// isExit reports whether a call ends the program or the goroutine.
func isExit(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn, ok := info.Uses[calleeIdent(call)].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "os":
		return fn.Name() == "Exit"
	case "runtime":
		return fn.Name() == "Goexit"
	case "log":
		return len(fn.Name()) >= 5 && (fn.Name()[:5] == "Fatal" || fn.Name()[:5] == "Panic")
	}
	return false
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}
