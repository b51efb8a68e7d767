package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

const explainUsage = `usage: errcodelint explain CODE...    explain response codes (negative numbers welcome)
       errcodelint explain -json        print the whole catalog as JSON
`

// explainJSON is the shape of one catalog entry in `explain -json`.
type explainJSON struct {
	Value    int    `json:"value"`
	Family   string `json:"family"`
	Symbol   string `json:"symbol"`
	GoName   string `json:"go_name"`
	Constant string `json:"constant"`
	Message  string `json:"message"`
	Gloss    string `json:"gloss"`
	Action   string `json:"action"`
	Advice   string `json:"advice"`
	Note     string `json:"note,omitempty"`
}

// runExplain implements `errcodelint explain`. Arguments are parsed by hand
// because the flag package would take "-4026" for a flag. It returns the
// process exit code: 0, 1 when a code is unknown, 2 for bad usage.
func runExplain(args []string, stdout, stderr io.Writer) int {
	var values []int
	asJSON := false
	for _, arg := range args {
		if v, err := strconv.Atoi(arg); err == nil {
			values = append(values, v)
			continue
		}
		switch arg {
		case "-json", "--json":
			asJSON = true
		case "-h", "-help", "--help":
			fmt.Fprint(stdout, explainUsage)
			return 0
		default:
			fmt.Fprintf(stderr, "errcodelint explain: %q is neither a code nor a flag\n%s", arg, explainUsage)
			return 2
		}
	}
	if asJSON {
		if len(values) > 0 {
			fmt.Fprintf(stderr, "errcodelint explain: -json prints the whole catalog and takes no codes\n")
			return 2
		}
		return printCatalogJSON(stdout, stderr)
	}
	if len(values) == 0 {
		fmt.Fprint(stderr, explainUsage)
		return 2
	}
	status := 0
	for i, v := range values {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if !explainCode(stdout, v) {
			fmt.Fprintln(stderr, unknownCodeMessage(v))
			status = 1
		}
	}
	return status
}

func printCatalogJSON(stdout, stderr io.Writer) int {
	var out []explainJSON
	for _, c := range catalog.All() {
		out = append(out, explainJSON{
			Value: c.Value, Family: c.Family.String(), Symbol: c.Symbol, GoName: c.GoName,
			Constant: c.Qualified(), Message: c.Message, Gloss: c.Gloss,
			Action: c.Action.String(), Advice: c.Action.Advice(), Note: c.Note,
		})
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, "errcodelint explain:", err)
		return 1
	}
	return 0
}

// explainCode prints what the catalog knows of v, and reports whether it
// knows anything.
func explainCode(w io.Writer, v int) bool {
	codes := catalog.ByValue(v)
	if len(codes) == 0 {
		return false
	}
	if len(codes) > 1 {
		if codes[0].Family == codes[1].Family {
			fmt.Fprintf(w, "%d has %d meanings in the code list: a bare %d cannot be named with certainty\n", v, len(codes), v)
		} else {
			fmt.Fprintf(w, "%d is listed in %d families\n", v, len(codes))
		}
	}
	for _, c := range codes {
		symbol := c.Symbol
		if symbol == "" {
			symbol = "(no documented symbol)"
		}
		fmt.Fprintf(w, "%d  %s  [%s family, %s]\n", c.Value, symbol, c.Family.Title(), c.Family.Heading())
		fmt.Fprintf(w, "  Go:       %s\n", c.Qualified())
		fmt.Fprintf(w, "  message:  %s\n", c.Message)
		fmt.Fprintf(w, "  meaning:  %s\n", c.Gloss)
		fmt.Fprintf(w, "  action:   %s: %s\n", c.Action, c.Action.Advice())
		if c.Note != "" {
			fmt.Fprintf(w, "  note:     %s\n", c.Note)
		}
	}
	return true
}

func unknownCodeMessage(v int) string {
	msg := fmt.Sprintf("errcodelint explain: %d is not a COS v4 response code", v)
	var guesses []string
	for _, c := range catalog.Suggest(v, nil) {
		guesses = append(guesses, fmt.Sprintf("%d (%s)", c.Value, c.Qualified()))
	}
	if len(guesses) > 0 {
		msg += "; did you mean " + strings.Join(guesses, " or ") + "?"
	}
	return msg
}
