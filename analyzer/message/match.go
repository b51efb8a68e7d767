package message

import (
	"strings"
	"unicode"

	"github.com/errcodelint/errcodelint/catalog"
)

// matching is how a test looks for a text in the message.
type matching uint8

const (
	equal matching = iota
	contains
	prefix
	suffix
)

// matches returns the catalog entries whose message the test of text
// selects: for an equality, the messages equal to it, or else those that
// contain it (the test then never holds, but it still means those); for
// the strings functions, the messages that contain it, start or end with
// it. Only texts with a Han character are looked up: the catalog's
// messages are Chinese, and an English or numeric text ("ID", "403") is
// the message of some other API. Every family counts, the download
// server's statuses too: a text that several codes share is ambiguous,
// and its report names them all rather than fix it to one.
func matches(text string, how matching) []catalog.Code {
	if !hasHan(text) {
		return nil
	}
	text = normalize(text)
	var exact, within []catalog.Code
	for _, c := range catalog.All() {
		if c.Message == "" {
			continue
		}
		m := normalize(c.Message)
		if how == equal && strings.EqualFold(m, text) {
			exact = append(exact, c)
		}
		var in bool
		switch how {
		case prefix:
			in = strings.HasPrefix(m, text)
		case suffix:
			in = strings.HasSuffix(m, text)
		default:
			in = strings.Contains(m, text)
		}
		if in {
			within = append(within, c)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return within
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// normalize folds the full-width forms of ASCII (，！（）) and the
// ideographic space to ASCII: the catalog writes "操作太频繁,请稍后再试"
// where a client may type "操作太频繁，请稍后再试". Such a text never
// equals the message, which is the bug; it still names the code.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// sameMessage reports whether a text is a catalog message, up to case and
// the width of its punctuation.
func sameMessage(text, message string) bool {
	return strings.EqualFold(normalize(text), normalize(message))
}
