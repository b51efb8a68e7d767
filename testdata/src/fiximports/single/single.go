package single

import "fmt"

const op = "upload_slice_data"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r Response) error {
	if r.Code == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return fmt.Errorf("restart")
	}
	return nil
}
