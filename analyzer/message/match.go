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
	var exact, within []catalog.Code
	for _, c := range catalog.All() {
		if c.Message == "" {
			continue
		}
		m := c.Message
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
