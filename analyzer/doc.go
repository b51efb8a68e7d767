// Package analyzer is errcodelint: the analyzers that check Go code
// talking to the Tencent Cloud COS v4 JSON API, configured together.
//
// Code that talks to the COS v4 JSON API (and the image service on the
// same stack) branches on integer response codes. errcodelint is one
// evidence analyzer and one analyzer per check, each in a package of its
// own with its manual:
//
//	analyzer        package    categories
//	coscodes        evidence   directive (and the evidence every check reads)
//	codeconst       codeconst  magic-code, unknown-code
//	reuploadretry   reupload   reupload-retry
//
// New returns them configured by one Config; Analyzers are the ones the
// errcodelint command runs. A check is turned off by its analyzer's name:
// -reuploadretry=false on the command line and under go vet, disable:
// [reuploadretry] in the golangci-lint plugin's settings, "analyses":
// {"reuploadretry": false} in gopls.
package analyzer
