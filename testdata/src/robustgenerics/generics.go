// Package robustgenerics is a COS v4 client written with generics and
// aliases: type parameters, instantiated envelopes and alias chains must
// lead to the declared field, and none of them may crash the analyzer.
package robustgenerics

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

// Envelope is the v4 JSON envelope around any payload.
type Envelope[T any] struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
	Data    T      `json:"data"`
}

type (
	Plain                = Envelope[string]
	Paged[T any]         = Envelope[[]T]
	PlainAgain           = Plain
	Pointer              = *Envelope[int]
	Pair[K comparable, V any] struct {
		Key K
		Val V
	}
)

// Number is a constraint: a type parameter's core type is no code type.
type Number interface{ ~int | ~int64 }

func identity[T Number](v T) T { return v }

func first[T any](xs []T) T { return xs[0] }

func checks(p Plain, q Paged[int], r PlainAgain, s Pointer, pairs []Pair[string, Envelope[byte]]) bool {
	if p.Code == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return true
	}
	if q.Code == -4026 || r.Code == -4099 { // want `-4026 is catalog.ErrOffsetBackTooMuch` `-4099 is not a COS v4 response code`
		return true
	}
	switch s.Code {
	case -4018: // want `-4018 is catalog.ErrSameFileUpload`
		return true
	}
	if pairs[0].Val.Code == -177 { // want `-177 is catalog.ErrorCmdCosFileExist`
		return true
	}
	// Through a generic function the value is no longer the field: silent.
	return identity(p.Code) == -4019 || first([]int{p.Code}) == -4019
}

// codeOf is generic over the payload; its result holds codes.
func codeOf[T any](e Envelope[T]) int { return e.Code } // want codeOf:"code source: response code"

func viaGeneric(e Envelope[float64]) bool {
	return codeOf(e) == -4019 || codeOf[string](Plain{}) == 1234 // want `-4019 is catalog.ErrOffsetToZero` `1234 is not a COS v4 response code`
}

// A method of a generic type.
func (e Envelope[T]) Failed() bool {
	return e.Code != 0 && e.Code == -71 // want `-71 is catalog.ErrorProxyFreqControl`
}
