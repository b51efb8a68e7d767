package catalog

import (
	"strconv"
)

// maxSuggestions bounds "did you mean": where more codes than this are one
// typo away (the dense CMD range), none of them is a plausible guess.
const maxSuggestions = 3

// Suggest returns the catalog entries a value not in the catalog was
// plausibly meant to be. Kinds of slip are tried from the most to the least
// telling, and the first kind that explains the value wins: the other sign
// (4019 for -4019), two adjacent digits swapped, a digit added or dropped,
// one digit wrong. keep, when not nil, restricts the candidates (to the
// families a comparison can hold). It returns nil when nothing, or too much
// (more than three codes in a dense range), is plausible.
func Suggest(v int, keep func(Code) bool) []Code {
	if v == 0 {
		return nil
	}
	for kind := range slipKinds {
		var found []Code
		for _, c := range codes {
			if c.Value != v && (keep == nil || keep(c)) && isSlip(kind, c.Value, v) {
				found = append(found, c)
			}
		}
		if len(found) > maxSuggestions {
			return nil
		}
		if len(found) > 0 {
			return found
		}
	}
	return nil
}

type slipKind int

const (
	signSlip slipKind = iota
	swapSlip
	lengthSlip
	digitSlip
	slipKinds
)

// isSlip reports whether got is want mistyped in the given way.
func isSlip(kind slipKind, want, got int) bool {
	if kind == signSlip {
		return want == -got
	}
	if (want < 0) != (got < 0) {
		return false
	}
	x, y := strconv.Itoa(abs(want)), strconv.Itoa(abs(got))
	switch kind {
	case swapSlip, digitSlip:
		if len(x) != len(y) {
			return false
		}
		var diff []int
		for i := range x {
			if x[i] != y[i] {
				diff = append(diff, i)
			}
		}
		if kind == digitSlip {
			return len(diff) == 1
		}
		return len(diff) == 2 && diff[1] == diff[0]+1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
	case lengthSlip:
		return dropsOneDigit(x, y) || dropsOneDigit(y, x)
	}
	return false
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// dropsOneDigit reports whether short is long with one digit removed.
func dropsOneDigit(long, short string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	for i := range long {
		if long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}
