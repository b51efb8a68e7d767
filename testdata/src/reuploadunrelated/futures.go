// Package reuploadunrelated talks to a futures exchange whose codes share
// integers with COS v4 (-4019, -4026): nothing here is reported.
package reuploadunrelated

import "time"

type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

var retryCodes = []int{-1001, -4019, -4026}

func isRetryable(code int) bool {
	switch code {
	case -1001, -4019:
		return true
	}
	return false
}

func placeOrder(session string, offset int) *apiError { return &apiError{} }

func placeWithRetry(session string) *apiError {
	for attempt := 0; attempt < 3; attempt++ {
		e := placeOrder(session, 0)
		if e.Code == 0 {
			return nil
		}
		if e.Code == -4019 || isRetryable(e.Code) {
			time.Sleep(time.Second)
			continue
		}
		if e.Code != 0 {
			continue
		}
	}
	return nil
}
