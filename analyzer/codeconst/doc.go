// Package codeconst defines the codeconst analyzer: constants compared
// with COS v4 response codes, or written where codes are kept, that are
// magic numbers (category magic-code) or no code of the API at all
// (category unknown-code).
//
// # Analyzer codeconst
//
// codeconst: check constants compared with COS v4 response codes
//
// Code that talks to the COS v4 JSON API branches on integer response
// codes. codeconst takes the expressions that hold codes from the evidence
// analyzer (package evidence) and checks every constant compared with
// them, in ==, != and switch cases, in either operand order, through
// parentheses and constant folding (-4019, (-4019), -(4019),
// int32(-4019)), and every constant written where codes are kept: assigned
// to a code field or variable, returned from a function that returns
// codes, passed to a parameter that takes them, listed in a set that is
// searched with a code.
//
// # Category magic-code
//
// A literal that is a known code. The message names
// the code, and a suggested fix replaces the literal with the catalog's
// constant (net/http's for standard HTTP statuses), adding the import where
// it is missing, under an alias when the name is taken:
//
//	if resp.Code == -4019 {
//	    -4019 is catalog.ErrOffsetToZero (入库失败，请重新上传: storing failed, upload again)
//	if hresp.StatusCode == 404 {
//	    404 is http.StatusNotFound (文件不存在: the file does not exist)
//
// 0 (success) is not reported unless -include-zero is set. A value the code
// list gives two meanings (-61) is reported with both and no fix.
//
// # Codes of the program's own
//
// A constant the program writes as a code (reply.Code = -1, code := -1,
// return -1, Reply{Code: -1}, newReply(-1, "no data")) is the program's
// own, and not reported, when the evidence says so:
//
//   - it is 0 or of the SDK family (-1..-4), the values clients invent for
//     "no code yet", "no data" or "some other error", and the package
//     compares no code of the API with that value: once it does
//     (resp.Code == -1), the value is the API's there, written or
//     compared;
//   - a message of the program's is written beside it: in the same struct
//     literal (Reply{Code: -4019, Message: "index lost"}), or to the
//     message field of the same value in the same statement or the one
//     before or after (reply.Code = -1; reply.Message = "no data"). The
//     catalog's own message for the value (a fake server answering as COS
//     does) makes it the API's. A message passed beside it to a function
//     is not read: newReply(-4026, "the local index was lost") is
//     reported.
//
// A comparison of a code with 0 or a value of the SDK family is no
// evidence that the API sends that value when it tests one of the
// program's own values: the program itself writes the value into the
// declaration the compared expression reads. The values the program
// writes into a declaration are
//
//   - the constants it writes into a local variable, a parameter or a
//     result of one of the package's functions (declarations only the
//     program writes into), directly or through other such declarations
//     (return -1 in f, then code, err := f() ... code == -1);
//   - the constants it writes anywhere, the response's code field
//     included, with a message of its own beside them (reply.Code = -1;
//     reply.Message = "no data" ... r.Code == -1 && r.Message == "no
//     data").
//
// A constant written into a field or a package-level variable without
// such a message is not one of them: a response decoded from the wire
// fills the same field, and a comparison with it stays evidence. So
//
//	code := -1 // nothing came back yet
//	for tries := 0; code == -1 && tries < 3; tries++ {
//	    ...
//	    code = env.Code
//	}
//
// is silent, the comparison included, unless the package also compares a
// code of the API with -1 (env.Code == -1), which makes both the write
// and the test the API's -1, reported. Other comparisons are never
// affected, and a code written without such evidence (resp.Code = -4019
// in a fake server, newReply(-4019, "入库失败，请重新上传")) is reported like
// a compared one.
//
// # Category unknown-code
//
// A constant, literal or named, that is not a code
// of the expression's kind, with a guess where one is plausible (the other
// sign, two digits swapped, a digit added, dropped or wrong) but no fix:
//
//	case 4019:
//	    4019 is not a COS v4 response code: did you mean -4019 (catalog.ErrOffsetToZero)
//
// Standard HTTP statuses the code list does not name (502 from a proxy)
// are not reported.
//
// # Flags
//
//	-include-zero   also report the literal 0 (success); default false
//
// The errcodelint command also accepts it as -include-zero, and go vet as
// -codeconst.include-zero (or the earlier -errcodelint.include-zero).
//
// # Suppression
//
// See package evidence: //errcodelint:ignore with a reason, on the line or
// the line above.
package codeconst

import (
	_ "embed"

	"github.com/errcodelint/errcodelint/analyzer/internal/manual"
)

//go:embed doc.go
var docSource string

var doc = manual.Doc(docSource, Name)
