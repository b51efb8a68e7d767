//go:build ignore

package robusttags

// Excluded from every build: never reported.
func ignored(r Response) bool { return r.Code == -4026 || r.Code == 12345 }
