// Command cosup uploads files to a COS bucket and checks that they are there.
//
//	cosup [-region gz] BUCKET LOCAL REMOTE
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"example.com/corpus/qcos"
)

const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func run(args []string) int {
	fs := flag.NewFlagSet("cosup", flag.ContinueOnError)
	region := fs.String("region", "gz", "COS region")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 3 {
		fmt.Fprintln(os.Stderr, "usage: cosup [-region gz] BUCKET LOCAL REMOTE")
		return exitUsage
	}
	bucket, local, remote := fs.Arg(0), fs.Arg(1), fs.Arg(2)
	if strings.Index(remote, "/") == -1 {
		remote = "/" + remote
	}
	c := qcos.New(os.Getenv("COS_APPID"), os.Getenv("COS_SECRET_ID"), os.Getenv("COS_SECRET_KEY"), *region)
	url, err := c.UploadFile(bucket, remote, local)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cosup:", err)
		return exitFail
	}
	st, err := c.Stat(bucket, remote)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cosup:", err)
		return exitFail
	}
	if st.Code == -166 || st.Code == -114 { // uploaded but not indexed yet // expect: magic-code unknown-code
		fmt.Fprintln(os.Stderr, "cosup: not visible yet:", remote)
		return exitFail
	}
	fmt.Println(url)
	return exitOK
}

func main() {
	code := run(os.Args[1:])
	if code == 2 {
		fmt.Fprintln(os.Stderr, "run 'cosup -h' for help")
	}
	os.Exit(code)
}
