package upload

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// What the standard library's functions do to a request: send it over
// the network, or compute a value from their arguments and nothing else
// (a builder: the same arguments give the same result).

// networkCalls are the standard library's functions and methods that send
// an HTTP request, as "pkgpath.Name" or "pkgpath.Type.Name".
var networkCalls = map[string]bool{
	"net/http.Get": true, "net/http.Post": true, "net/http.PostForm": true, "net/http.Head": true,
	"net/http.Client.Do": true, "net/http.Client.Get": true, "net/http.Client.Post": true,
	"net/http.Client.PostForm": true, "net/http.Client.Head": true,
	"net/http.Transport.RoundTrip": true, "net/http.RoundTripper.RoundTrip": true,
}

// builderPkgs are packages whose functions only compute from their
// arguments (or write into them: a multipart writer, an encoder).
var builderPkgs = map[string]bool{
	"bytes": true, "strings": true, "strconv": true, "fmt": true, "errors": true,
	"mime/multipart": true, "net/url": true, "net/textproto": true,
	"encoding/json": true, "encoding/base64": true, "encoding/hex": true, "encoding/xml": true,
	"crypto/sha1": true, "crypto/sha256": true, "crypto/md5": true, "crypto/hmac": true, "hash": true,
	"hash/crc32": true, "hash/crc64": true,
	"path": true, "path/filepath": true, "unicode": true, "unicode/utf8": true,
	"sort": true, "slices": true, "maps": true, "math": true, "time": true,
	"context": true, "sync": true, "sync/atomic": true, "log": true, "log/slog": true,
}

// builderCalls are builders of packages that also do other things.
var builderCalls = map[string]bool{
	"net/http.NewRequest": true, "net/http.NewRequestWithContext": true,
	"net/http.Header.Set": true, "net/http.Header.Add": true, "net/http.Header.Get": true,
	"net/http.Header.Del": true, "net/http.Header.Clone": true,
	"net/http.Request.WithContext": true, "net/http.Request.SetBasicAuth": true,
	"io.NopCloser": true, "io.MultiReader": true, "io.NewSectionReader": true, "io.ReadAll": true,
	"io.LimitReader": true, "io.TeeReader": true,
	"os.File.ReadAt": true, "os.File.Stat": true, "os.File.Name": true,
	"io.ReaderAt.ReadAt": true,
}

// isStdInterfaceBuilder reports whether a dynamic call calls a method of a
// standard interface that only computes from its arguments (io.ReaderAt's
// ReadAt reads the same bytes for the same offset).
func isStdInterfaceBuilder(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && isStd(fn.Pkg()) && builderCalls[stdKey(fn)]
}

// stdKey spells a function as networkCalls and builderCalls do.
func stdKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	return fn.Pkg().Path() + "." + name
}

// isNetworkCall reports whether fn is a standard function that sends an
// HTTP request.
func isNetworkCall(fn *types.Func) bool { return networkCalls[stdKey(fn)] }

// isStdBuilder reports whether fn is a standard function that only
// computes from its arguments.
func isStdBuilder(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return true // builtins: len, append, make, copy
	}
	if builderPkgs[fn.Pkg().Path()] {
		return true
	}
	return builderCalls[stdKey(fn)]
}

// isStd reports whether a package is the standard library's: its path's
// first element has no dot.
func isStd(pkg *types.Package) bool {
	if pkg == nil {
		return true
	}
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return !strings.Contains(first, ".")
}
