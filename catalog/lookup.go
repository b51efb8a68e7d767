package catalog

import "sync"

// All returns every entry in the order of the code list. The slice is a
// copy: callers may keep or modify it.
func All() []Code {
	out := make([]Code, len(codes))
	copy(out, codes[:])
	return out
}

type indexes struct {
	byValue  map[int][]Code
	byGoName map[string]Code
	bySymbol map[string]Code
}

var index = sync.OnceValue(func() *indexes {
	ix := &indexes{
		byValue:  make(map[int][]Code),
		byGoName: make(map[string]Code),
		bySymbol: make(map[string]Code),
	}
	for _, c := range codes {
		ix.byValue[c.Value] = append(ix.byValue[c.Value], c)
		if _, dup := ix.byGoName[c.GoName]; !dup {
			ix.byGoName[c.GoName] = c
		}
		if c.Symbol != "" {
			ix.bySymbol[c.Symbol] = c
		}
	}
	return ix
})

// ByValue returns the entries with the given value, in list order. A value
// may have several: -61 has two meanings, and 403 and 500 are both
// download and backend HTTP statuses. It returns nil for an unknown value.
func ByValue(v int) []Code {
	return index().byValue[v]
}

// ByGoName returns the entry whose Go spelling is name: a constant of this
// package ("ErrOffsetToZero") or net/http's ("http.StatusNotFound"; when two
// families share a status, the first in list order).
func ByGoName(name string) (Code, bool) {
	c, ok := index().byGoName[name]
	return c, ok
}

// BySymbol returns the entry documented with the given symbol, as the list
// writes it ("ERROR_PROXY_FREQ_CONTROL", "ErrOffsetToZero").
func BySymbol(symbol string) (Code, bool) {
	c, ok := index().bySymbol[symbol]
	return c, ok
}
