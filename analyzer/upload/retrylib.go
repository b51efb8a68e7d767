package upload

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Retry libraries call a function again as long as it fails:
//
//	backoff.Retry(func() error {
//		resp, err := c.SendSlice(session, offset, buf)
//		...
//		if resp.Code != 0 {
//			return fmt.Errorf("code %d", resp.Code) // sent again
//		}
//		return nil
//	}, b)
//
// Such a function literal is a retry loop whose continue is the return of
// an error.

// How a retry library treats the errors its function returns.
type retryErrors uint8

const (
	notRetried      retryErrors = iota
	retriedUnless               // every error is retried, unless marked permanent (backoff.Permanent, retry.Unrecoverable)
	retriedIfMarked             // only errors marked retryable are (retry.RetryableError)
)

// retryLibraryCall says how a call retries the function literals it is
// given: backoff.Retry, RetryNotify and RetryWithData (cenkalti/backoff),
// retry.Do (avast/retry-go; sethvargo/go-retry retries only the errors
// marked retryable).
func (pr *protocol) retryLibraryCall(call *ast.CallExpr) retryErrors {
	fn := typeutil.StaticCallee(pr.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return notRetried
	}
	switch fn.Pkg().Name() {
	case "backoff":
		if strings.HasPrefix(fn.Name(), "Retry") {
			return retriedUnless
		}
	case "retry":
		if fn.Name() == "Do" {
			if strings.Contains(fn.Pkg().Path(), "sethvargo") {
				return retriedIfMarked
			}
			return retriedUnless
		}
	}
	return notRetried
}

// returnsError reports whether a function literal's last result is an
// error and none is a bool (a poll condition answers differently).
func returnsError(info *types.Info, lit *ast.FuncLit) bool {
	sig, ok := info.TypeOf(lit).(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if b, ok := sig.Results().At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return false
		}
	}
	return errorResult(sig) == sig.Results().Len()-1
}

// retriesReturn reports whether the retry library calls the function
// again after this return: it returns a non-nil error that is not marked
// permanent (or, for retriedIfMarked, that is marked retryable).
func retriesReturn(info *types.Info, retried retryErrors, s *ast.ReturnStmt) bool {
	if retried == notRetried || len(s.Results) == 0 {
		return false
	}
	e := s.Results[len(s.Results)-1]
	if tv := info.Types[e]; tv.IsNil() {
		return false
	}
	marked := ""
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		marked = strings.ToLower(calleeName(call))
	}
	switch retried {
	case retriedUnless:
		return !strings.Contains(marked, "permanent") && !strings.Contains(marked, "unrecoverable")
	case retriedIfMarked:
		return strings.Contains(marked, "retryable")
	}
	return false
}
