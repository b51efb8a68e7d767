// Package analyzer defines errcodelint, an analyzer that checks the
// response codes of the Tencent Cloud COS v4 JSON API in Go code.
package analyzer

const doc = `check COS v4 response codes for magic and unknown values

errcodelint finds the integer expressions that hold response codes of the
Tencent Cloud COS v4 JSON API and checks every literal compared with them.`
