// Package codeset holds sets of COS v4 response-code values over a finite
// universe: every distinct value of the catalog, plus one element that
// stands for all the values the catalog does not know. Conditions are
// evaluated to Sets so that "code != 0", "code < 0" and "code == -71 ||
// code == -4019" are all exact about the values that matter, in constant
// time per operation.
package codeset

import (
	"math/bits"
	"sort"
	"strings"
	"sync"

	"github.com/errcodelint/errcodelint/catalog"
)

// A Set is a set of code values.
type Set [words]uint64

const words = 8 // 512 elements: room for the catalog to grow

// The universe.
var (
	once           sync.Once
	universeValues []int       // element i is universeValues[i]; the last element is otherElem
	universeIndex  map[int]int // value to element
	otherElem      int         // the element standing for values outside the catalog

	all      Set // every element
	reupload Set // values whose every catalog entry is in the reupload class
	success  Set // 0, 200, 206
	done     Set // the goal is already reached (-4018, -177, ...)
)

// build makes the universe when a check first needs it, not at program
// start: go vet starts errcodelint once per package, most of which never
// reach a check.
func build() {
	once.Do(func() {
		seen := map[int]bool{}
		for _, c := range catalog.All() {
			if !seen[c.Value] {
				seen[c.Value] = true
				universeValues = append(universeValues, c.Value)
			}
		}
		sort.Ints(universeValues)
		if len(universeValues)+1 > words*64 {
			panic("codeset: the catalog outgrew Set; raise words")
		}
		universeIndex = make(map[int]int, len(universeValues))
		for i, v := range universeValues {
			universeIndex[v] = i
		}
		otherElem = len(universeValues)
		for i := 0; i <= otherElem; i++ {
			all.add(i)
		}
		for i, v := range universeValues {
			switch ClassOf(v) {
			case catalog.ActionReupload:
				reupload.add(i)
			case catalog.ActionSuccess:
				success.add(i)
			case catalog.ActionDone:
				done.add(i)
			}
		}
	})
}

// All is every value.
func All() Set { build(); return all }

// Reupload is the reupload class: the codes of a broken upload session.
func Reupload() Set { build(); return reupload }

// Success is 0 and the HTTP successes.
func Success() Set { build(); return success }

// Done is the codes that say the goal is already reached.
func Done() Set { build(); return done }

// ClassOf returns the action class of a value when all its catalog entries
// agree, and 0 otherwise.
func ClassOf(v int) catalog.Action {
	var a catalog.Action
	for _, c := range catalog.ByValue(v) {
		if a != 0 && c.Action != a {
			return 0
		}
		a = c.Action
	}
	return a
}

// IsReupload reports whether v is a code of the reupload class.
func IsReupload(v int) bool { return ClassOf(v) == catalog.ActionReupload }

// Known reports whether the catalog has v.
func Known(v int) bool {
	build()
	_, ok := universeIndex[v]
	return ok
}

func (s *Set) add(i int) { s[i/64] |= 1 << (i % 64) }

func (s Set) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// HasValue reports whether the value v is in s.
func (s Set) HasValue(v int) bool {
	build()
	if i, ok := universeIndex[v]; ok {
		return s.has(i)
	}
	return s.has(otherElem)
}

// Of returns the set of the values vs.
func Of(vs ...int) Set {
	build()
	var s Set
	for _, v := range vs {
		if i, ok := universeIndex[v]; ok {
			s.add(i)
		} else {
			s.add(otherElem)
		}
	}
	return s
}

// Where returns the elements whose value satisfies keep; the element for
// unknown values is included when keepOther says so.
func Where(keep func(v int) bool, keepOther bool) Set {
	build()
	var s Set
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

func (s Set) Union(t Set) Set {
	for i := range s {
		s[i] |= t[i]
	}
	return s
}

func (s Set) Inter(t Set) Set {
	for i := range s {
		s[i] &= t[i]
	}
	return s
}

func (s Set) Minus(t Set) Set {
	for i := range s {
		s[i] &^= t[i]
	}
	return s
}

func (s Set) Complement() Set { return All().Minus(s) }

func (s Set) Empty() bool { return s == Set{} }

// Contains reports whether t is a subset of s.
func (s Set) Contains(t Set) bool { return t.Minus(s).Empty() }

func (s Set) Intersects(t Set) bool { return !s.Inter(t).Empty() }

// Values returns the catalog values in s, in increasing order of
// magnitude (-71 before -4019), without the element for unknown values.
func (s Set) Values() []int {
	build()
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

// Preferred orders reupload codes for a message: those whose message says
// "upload again" (请重新上传) first, then by magnitude.
func Preferred(vs []int) []int {
	out := append([]int(nil), vs...)
	says := func(v int) bool {
		for _, c := range catalog.ByValue(v) {
			if strings.Contains(c.Message, "请重新上传") {
				return true
			}
		}
		return false
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := says(out[i]), says(out[j])
		if si != sj {
			return si
		}
		return abs(out[i]) < abs(out[j])
	})
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
