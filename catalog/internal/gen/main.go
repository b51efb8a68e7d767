// Command gen turns catalog/codes.tsv into codes_gen.go and README.md.
// Run it through `go generate` in the catalog module (make generate).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/errcodelint/errcodelint/catalog/internal/catalogdata"
)

func main() {
	goOut := flag.String("go", "codes_gen.go", "Go `file` to write")
	mdOut := flag.String("md", "README.md", "Markdown `file` to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen [-go file] [-md file] codes.tsv")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *goOut, *mdOut); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, goOut, mdOut string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	entries, err := catalogdata.Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	src, err := catalogdata.RenderGo(entries)
	if err != nil {
		return err
	}
	// Render everything before writing anything: a failure leaves no half-updated pair.
	md := catalogdata.RenderMarkdown(entries)
	if err := os.WriteFile(goOut, src, 0o644); err != nil {
		return err
	}
	return os.WriteFile(mdOut, md, 0o644)
}
