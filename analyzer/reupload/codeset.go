package reupload

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"sync"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
	"github.com/errcodelint/errcodelint/catalog"
)

// A codeSet is a set of response-code values over a finite universe: every
// distinct value of the catalog, plus one element that stands for all the
// values the catalog does not know. Conditions are evaluated to codeSets so
// that "code != 0", "code < 0" and "code == -71 || code == -4019" are all
// exact about the values that matter, in constant time per operation.
type codeSet [setWords]uint64

const setWords = 8 // 512 elements: room for the catalog to grow

// The universe.
var (
	universeValues []int       // element i is universeValues[i]; the last element is otherElem
	universeIndex  map[int]int // value to element
	otherElem      int         // the element standing for values outside the catalog

	allCodes      codeSet // every element
	reuploadCodes codeSet // values whose every catalog entry is in the reupload class
	successCodes  codeSet // 0, 200, 206
	doneCodes     codeSet // the goal is already reached (-4018, -177, ...)
)

// universeOnce builds the universe when the check first runs, not at
// program start: go vet starts errcodelint once per package, most of which
// never reach the check.
var universeOnce sync.Once

func buildUniverse() {
	seen := map[int]bool{}
	for _, c := range catalog.All() {
		if !seen[c.Value] {
			seen[c.Value] = true
			universeValues = append(universeValues, c.Value)
		}
	}
	sort.Ints(universeValues)
	if len(universeValues)+1 > setWords*64 {
		panic("reupload: the catalog outgrew codeSet; raise setWords")
	}
	universeIndex = make(map[int]int, len(universeValues))
	for i, v := range universeValues {
		universeIndex[v] = i
	}
	otherElem = len(universeValues)
	for i := 0; i <= otherElem; i++ {
		allCodes.add(i)
	}
	for i, v := range universeValues {
		switch classOf(v) {
		case catalog.ActionReupload:
			reuploadCodes.add(i)
		case catalog.ActionSuccess:
			successCodes.add(i)
		case catalog.ActionDone:
			doneCodes.add(i)
		}
	}
}

// classOf returns the action class of a value when all its catalog entries
// agree, and 0 otherwise.
func classOf(v int) catalog.Action {
	var a catalog.Action
	for _, c := range catalog.ByValue(v) {
		if a != 0 && c.Action != a {
			return 0
		}
		a = c.Action
	}
	return a
}

// isReupload reports whether v is a code of the reupload class.
func isReupload(v int) bool { return classOf(v) == catalog.ActionReupload }

func (s *codeSet) add(i int) { s[i/64] |= 1 << (i % 64) }

func (s codeSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// hasValue reports whether the value v is in s.
func (s codeSet) hasValue(v int) bool {
	if i, ok := universeIndex[v]; ok {
		return s.has(i)
	}
	return s.has(otherElem)
}

func setOf(vs ...int) codeSet {
	var s codeSet
	for _, v := range vs {
		if i, ok := universeIndex[v]; ok {
			s.add(i)
		} else {
			s.add(otherElem)
		}
	}
	return s
}

// setWhere returns the elements whose value satisfies keep; the element
// for unknown values is included when keepOther says so.
func setWhere(keep func(v int) bool, keepOther bool) codeSet {
	var s codeSet
	for i, v := range universeValues {
		if keep(v) {
			s.add(i)
		}
	}
	if keepOther {
		s.add(otherElem)
	}
	return s
}

func (s codeSet) union(t codeSet) codeSet {
	for i := range s {
		s[i] |= t[i]
	}
	return s
}

func (s codeSet) inter(t codeSet) codeSet {
	for i := range s {
		s[i] &= t[i]
	}
	return s
}

func (s codeSet) minus(t codeSet) codeSet {
	for i := range s {
		s[i] &^= t[i]
	}
	return s
}

func (s codeSet) complement() codeSet { return allCodes.minus(s) }

func (s codeSet) empty() bool { return s == codeSet{} }

func (s codeSet) contains(t codeSet) bool { return t.minus(s).empty() }

func (s codeSet) intersects(t codeSet) bool { return !s.inter(t).empty() }

// values returns the catalog values in s, in increasing order of magnitude
// (-71 before -4019), without the element for unknown values.
func (s codeSet) values() []int {
	var out []int
	for w, word := range s {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			if i := w*64 + b; i < otherElem {
				out = append(out, universeValues[i])
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return abs(out[i]) < abs(out[j]) })
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// describeSome names the first codes of vs and counts the rest:
// "A", "A and B", "A, B and 3 more".
func describeSome(vs []int) string {
	const shown = 2
	var parts []string
	for i, v := range vs {
		if i == shown {
			break
		}
		parts = append(parts, cosapi.DescribeValue(v))
	}
	switch rest := len(vs) - len(parts); {
	case rest > 0:
		return strings.Join(parts, ", ") + fmt.Sprintf(" and %d more", rest)
	case len(parts) > 1:
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}
