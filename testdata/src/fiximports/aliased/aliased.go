package aliased

import (
	"fmt"

	cat "github.com/errcodelint/errcodelint/catalog"
)

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) error {
	if r.Code == cat.ErrOffsetToZero || r.Code == -4026 { // want `-4026 is catalog.ErrOffsetBackTooMuch`
		return fmt.Errorf("restart")
	}
	return nil
}
