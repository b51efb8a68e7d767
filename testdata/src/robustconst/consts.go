// Package robustconst compares codes with constants of every kind:
// untyped, typed, shifted, iota, folded, character and large ones. A
// literal is magic only when it spells the value with digits; a named
// constant never is, though its value is still checked.
package robustconst

const endpoint = "https://sh.file.myqcloud.com/files/v1/"

type RetCode int32 // want RetCode:"code source: response code"

type Response struct {
	Code    RetCode `json:"code"` // want Code:"code source: response code"
	Message string  `json:"message"`
}

const (
	offsetToZero         = -4019
	typedKnown   RetCode = -4026
	shifted              = -(1 << 12)
	big                  = 1 << 62
	first        RetCode = iota - 4020 // -4017
)

func compare(r Response, wide int64) bool {
	switch {
	case r.Code == offsetToZero, r.Code == typedKnown, r.Code == first:
		// Named constants of known codes: not magic.
		return true
	case r.Code == shifted: // want `shifted \(-4096\) is not a COS v4 response code`
		return false
	case r.Code == -4019>>0, r.Code == -(4000+19), r.Code == (-4019): // want `-4019 is catalog.ErrOffsetToZero` `-4019 is catalog.ErrOffsetToZero` `-4019 is catalog.ErrOffsetToZero`
		return true
	case r.Code == RetCode(-4018), r.Code == 'x': // want `-4018 is catalog.ErrSameFileUpload` `'x' \(120\) is not a COS v4 response code`
		return true
	case r.Code == 0x7fffffff, r.Code == -0: // want `2147483647 is not a COS v4 response code`
		return false
	}
	// A value too wide for int is not a code, and not compared with one.
	return wide == big || int64(r.Code) == big<<0 // want `big << 0 \(4611686018427387904\) is not a COS v4 response code`
}
