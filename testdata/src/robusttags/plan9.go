//go:build plan9 && !linux

package robusttags

func onPlan9(r Response) bool { return r.Code == -4018 }
