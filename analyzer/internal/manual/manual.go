// Package manual turns a package's doc.go into its analyzer's Doc, so
// that `errcodelint help NAME` prints the manual the package documents.
package manual

import "strings"

// Doc returns the package comment of docSource (a doc.go file's text) from
// the line "NAME: summary" on, without comment markers: the first line is
// the analyzer's summary, the rest its manual. It cuts the comment's text
// directly, with no parser: go vet starts the tool once per package, and
// each start pays for what runs at init.
func Doc(docSource, name string) string {
	var b strings.Builder
	for line := range strings.Lines(docSource) {
		if strings.HasPrefix(line, "package ") {
			break
		}
		text := strings.TrimPrefix(line, "//")
		text = strings.TrimPrefix(text, " ")
		b.WriteString(text)
	}
	_, doc, ok := strings.Cut(b.String(), "\n"+name+": ")
	if !ok {
		panic("doc.go lacks the \"" + name + ": summary\" line")
	}
	return doc
}
