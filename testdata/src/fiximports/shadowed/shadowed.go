package shadowed

import "github.com/errcodelint/errcodelint/catalog"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) bool {
	if r.Code == catalog.ErrOffsetToZero {
		return true
	}
	catalog := []int{1, 2}
	_ = catalog
	return r.Code == -4026 // want `-4026 is catalog.ErrOffsetBackTooMuch`
}
