package cosclient

import (
	"net/http"
	"strconv"

	"github.com/errcodelint/errcodelint/catalog"
)

// sliceStatus is the code an upload proxy forwards in a header. Nothing
// ties it to the JSON API, so errcodelint checks it only when the sources
// setting names it.
type sliceStatus struct {
	Value int
}

func statusOf(h http.Header) sliceStatus {
	v, _ := strconv.Atoi(h.Get("X-Slice-Status"))
	return sliceStatus{Value: v}
}

// SessionLost reports whether the proxy says the upload session is gone.
func SessionLost(h http.Header) bool {
	return statusOf(h).Value == catalog.ErrOffsetBackTooMuch // want:sources `^-4026 is catalog\.ErrOffsetBackTooMuch`
}
