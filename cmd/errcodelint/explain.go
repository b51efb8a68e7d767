package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

const explainUsage = `usage: errcodelint explain CODE...    explain response codes: values (negative numbers
                                     welcome), Go names (ErrOffsetToZero, catalog.ErrOffsetToZero,
                                     http.StatusNotFound) or documented symbols (ERROR_PROXY_FREQ_CONTROL)
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
	var queries []string
	asJSON := false
	for _, arg := range args {
		if _, err := strconv.Atoi(arg); err == nil || !strings.HasPrefix(arg, "-") {
			queries = append(queries, arg)
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
		if len(queries) > 0 {
			fmt.Fprintf(stderr, "errcodelint explain: -json prints the whole catalog and takes no codes\n")
			return 2
		}
		return printCatalogJSON(stdout, stderr)
	}
	if len(queries) == 0 {
		fmt.Fprint(stderr, explainUsage)
		return 2
	}
	status := 0
	for i, q := range queries {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if v, err := strconv.Atoi(q); err == nil {
			if !explainCode(stdout, v) {
				fmt.Fprintln(stderr, unknownCodeMessage(v))
				status = 1
			}
			continue
		}
		codes := byName(q)
		if len(codes) == 0 {
			fmt.Fprintln(stderr, unknownNameMessage(q))
			status = 1
			continue
		}
		printEntries(stdout, codes)
	}
	return status
}

// byName returns the entries a name denotes: a Go name with or without
// its package (ErrOffsetToZero, catalog.ErrOffsetToZero,
// http.StatusNotFound) or a documented symbol (ERROR_PROXY_FREQ_CONTROL).
// A net/http status listed in two families has two entries.
func byName(name string) []catalog.Code {
	bare := strings.TrimPrefix(name, "catalog.")
	var out []catalog.Code
	for _, c := range catalog.All() {
		if c.GoName == bare || c.Symbol == name {
			out = append(out, c)
		}
	}
	return out
}

// unknownNameMessage says that name denotes nothing, and suggests the
// name it differs from only in case, if any.
func unknownNameMessage(name string) string {
	msg := fmt.Sprintf("errcodelint explain: %s is neither a value, a Go name nor a documented symbol of the COS v4 code list", name)
	bare := strings.TrimPrefix(name, "catalog.")
	for _, c := range catalog.All() {
		switch {
		case strings.EqualFold(c.GoName, bare):
			return msg + "; did you mean " + c.Qualified() + "?"
		case c.Symbol != "" && strings.EqualFold(c.Symbol, name):
			return msg + "; did you mean " + c.Symbol + "?"
		}
	}
	return msg
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
	printEntries(w, codes)
	return true
}

// printEntries prints catalog entries, one paragraph each.
func printEntries(w io.Writer, codes []catalog.Code) {
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
