// Command errcodelint checks Go code that talks to the Tencent Cloud COS v4
// JSON API for magic and unknown response codes, and for upload-session
// codes handled as plain retries.
//
//	errcodelint explain CODE...   explain response codes
//	errcodelint explain -json     print the catalog as JSON
package main

import (
	"os"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "explain" {
		os.Exit(runExplain(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(runExplain(nil, os.Stdout, os.Stderr))
}
