// Package configured is a client the heuristics cannot see: no COS URL, no
// envelope tags. -sources names its code-carrying declarations.
package configured

type Reply struct {
	Ret    int
	Other  int
	Status int
}

type RetCode int32

type Failure struct{ ret int }

func (f *Failure) Code() int { return f.ret }

var LastRet int

// response mirrors net/http's, which this fixture does not import (loading
// net/http and its dependencies from source would slow every run).
type response struct{ StatusCode int }

func check(r Reply, f *Failure, c RetCode, h *response) int {
	if r.Ret == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return 1
	}
	if r.Other == -4019 { // not named: silent
		return 2
	}
	if f.Code() == -71 { // want `-71 is catalog.ErrorProxyFreqControl`
		return 3
	}
	if c == -4026 { // want `-4026 is catalog.ErrOffsetBackTooMuch`
		return 4
	}
	if LastRet == -177 { // want `-177 is catalog.ErrorCmdCosFileExist`
		return 5
	}
	if r.Status == 612 { // want `612 is catalog.HTTPFileNotexist`
		return 6
	}
	if h.StatusCode == 404 { // not a configured source: silent
		return 7
	}
	return 0
}
