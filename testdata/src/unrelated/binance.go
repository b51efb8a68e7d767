// Package unrelated talks to another API whose codes are the same integers:
// errcodelint must say nothing here.
package unrelated

import "net/http"

const base = "https://fapi.binance.com/fapi/v1/order"

type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"msg"`
}

func check(e apiError, resp *http.Response) string {
	if resp.StatusCode == 404 || resp.StatusCode == 612 {
		return "missing"
	}
	switch e.Code {
	case -4019, -4018, -4024, -1, -2:
		return "binance"
	}
	if e.Code == -61 || e.Code == 4019 {
		return "other"
	}
	return ""
}
