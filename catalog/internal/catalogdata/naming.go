package catalogdata

import (
	"strings"
	"unicode"
)

// initialisms are the words Go spells in upper case (the list golint and
// staticcheck's ST1003 use).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true,
}

// GoName derives the Go spelling of a documented symbol: SNAKE_CASE becomes
// MixedCaps with initialisms upper-cased (and a letter after a digit starts a
// new word: REQ2MSG is Req2Msg), a leading underscore is dropped, and a
// symbol that is already MixedCaps is kept as written.
func GoName(symbol string) string {
	symbol = strings.TrimLeft(symbol, "_")
	if symbol != strings.ToUpper(symbol) {
		return symbol // already MixedCaps (ErrOffsetToZero)
	}
	var b strings.Builder
	for _, word := range strings.Split(symbol, "_") {
		if word == "" {
			continue
		}
		if initialisms[word] {
			b.WriteString(word)
			continue
		}
		upperNext := true
		for _, r := range word {
			if upperNext {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			upperNext = unicode.IsDigit(r)
		}
	}
	return b.String()
}
