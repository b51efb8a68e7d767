package upload

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

// A Func is one function of the package, declared or literal, with what
// the protocol analysis learnt about it.
type Func struct {
	Decl *ast.FuncDecl // nil for a literal
	Lit  *ast.FuncLit  // nil for a declaration
	Obj  *types.Func   // the declared function; nil for a literal
	// Var is the local variable a literal is bound to (send := func()
	// ...), once and only once; nil otherwise.
	Var  *types.Var
	Body *ast.BlockStmt
	Sig  *types.Signature

	// Summary, for the calls of the function.
	ops       cosapi.OpSet // operations it sends, itself or through its callees
	transmits bool         // it sends a request, or answers as if it did
	reqParams uint64       // parameters (bit i) that flow into the request it sends
	reqFree   []types.Object
	// sessionParams are the parameters that flow into the session field
	// of a request it sends; sessionRoots the objects its session fields
	// read (or that are read from a reply's session).
	sessionParams uint64
	sessionRoots  []types.Object
	codeErrors    bool // its error result carries the failure codes
	stateful      bool // it writes fields of its receiver or of a pointer parameter

	// Retried says how a retry library treats the errors a literal given
	// to it returns: its returns of such errors start it over.
	Retried retryErrors

	values *valueGraph
	calls  map[*ast.CallExpr]*call // the calls of the body (not of nested literals)
	state  uint8                   // summary: 0 new, 1 in progress, 2 done

	// The control-flow graph and what happens at its nodes: built for
	// the functions that send slices.
	Graph      *cfg.CFG
	nodes      map[ast.Node]*NodeInfo
	conds      map[*cfg.Block]*BlockCond
	entries    map[*cfg.Block]Cond
	killBlocks map[*cfg.Block]bool
	deps       map[types.Object]bool
	sessions   map[types.Object]bool // the deps that are the session
	moves      *positionMoves        // the assignments that move a position past its value (moves.go)
	answers    []*Answer
	looks      map[ast.Node]*nodeUse
	writes     map[ast.Node]*nodeWrite
}

// Node returns the function's node, for positions.
func (f *Func) Node() ast.Node {
	if f.Decl != nil {
		return f.Decl
	}
	return f.Lit
}

// Pos returns the position of the function.
func (f *Func) Pos() token.Pos { return f.Node().Pos() }

// params returns the function's parameter objects, in order.
func (f *Func) params() []*types.Var {
	if f.Sig == nil {
		return nil
	}
	ps := make([]*types.Var, f.Sig.Params().Len())
	for i := range ps {
		ps[i] = f.Sig.Params().At(i)
	}
	return ps
}

// SendsSlice reports whether calling the function sends a slice into an
// existing session.
func (f *Func) SendsSlice() bool { return f.ops.SendsSlice() }

// A call is one call in a function's body, as the protocol sees it.
type call struct {
	expr *ast.CallExpr
	fn   *types.Func // the static callee, if any
	lit  *Func       // the literal a func-typed variable calls, if known
	sum  *summary    // what the callee does, when known

	transmits bool    // it sends a request
	builder   bool    // it only computes from its arguments
	request   request // what its request arguments are built from
	answers   []types.Object
	sensitive []ast.Expr
	// sliceSend, restart and generic are decided once summaries are
	// known. A generic send sends a request that may be a slice: one
	// built from the function's parameters, or by helpers that do not say.
	sliceSend bool
	restart   bool
	generic   bool
}

// A summary is what a callee does, from its Func or from its fact.
type summary struct {
	ops           cosapi.OpSet
	transmits     bool
	reqParams     uint64
	sessionParams uint64
	codeErrors    bool
	stateful      bool
	local         *Func // this package's function, if it is one
}

func (f *Func) summary() *summary {
	return &summary{ops: f.ops, transmits: f.transmits, reqParams: f.reqParams, sessionParams: f.sessionParams, codeErrors: f.codeErrors, stateful: f.stateful, local: f}
}
