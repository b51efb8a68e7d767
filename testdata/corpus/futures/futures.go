// Package futures is a minimal client for the Binance USDⓈ-M futures REST
// API. Its error codes overlap the COS ones (-4018, -4019, -4024, ...) but
// mean something else entirely.
package futures

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

const baseURL = "https://fapi.binance.com"

// APIError is the body of a failed request.
type APIError struct {
	Code    int64  `json:"code"`
	Message string `json:"msg"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("binance: <APIError> code=%d, msg=%s", e.Code, e.Message)
}

// ErrCode returns the Binance error code.
func (e *APIError) ErrCode() int64 { return e.Code }

// Client signs requests with an API key pair.
type Client struct {
	APIKey, SecretKey string
	HTTP              *http.Client
}

// IsRetryable reports whether a request may be sent again unchanged.
func IsRetryable(err error) bool {
	var e *APIError
	if !errors.As(err, &e) {
		return true
	}
	switch e.ErrCode() {
	case -1001, -1003, -1021: // DISCONNECTED, TOO_MANY_REQUESTS, INVALID_TIMESTAMP
		return true
	}
	return false
}

func (c *Client) sign(q url.Values) string {
	m := hmac.New(sha256.New, []byte(c.SecretKey))
	m.Write([]byte(q.Encode()))
	return hex.EncodeToString(m.Sum(nil))
}

// PlaceOrder sends a new order and returns its id.
func (c *Client) PlaceOrder(ctx context.Context, symbol, side string, qty, price float64) (int64, error) {
	q := url.Values{
		"symbol":    {symbol},
		"side":      {side},
		"type":      {"LIMIT"},
		"quantity":  {strconv.FormatFloat(qty, 'f', -1, 64)},
		"price":     {strconv.FormatFloat(price, 'f', -1, 64)},
		"timestamp": {strconv.FormatInt(time.Now().UnixMilli(), 10)},
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		q.Set("signature", c.sign(q))
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/fapi/v1/order?"+q.Encode(), nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("X-MBX-APIKEY", c.APIKey)
		resp, err := c.HTTP.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		var body struct {
			APIError
			OrderID int64 `json:"orderId"`
		}
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if err != nil {
			return 0, err
		}
		switch body.Code {
		case 0:
			return body.OrderID, nil
		case -4019, -4024: // COMPOSITE_SCALE_OVERFLOW, PRICE_LESS_THAN_MIN_PRICE: adjust and send again
			q.Set("price", strconv.FormatFloat(price*1.0001, 'f', 4, 64))
			lastErr = &body.APIError
			continue
		case -4018, -4003: // MULTIPLIER_DOWN_LESS_THAN_ZERO, QTY_LESS_THAN_ZERO
			return 0, &body.APIError
		}
		if body.Code == -4026 || resp.StatusCode == 429 {
			time.Sleep(time.Second)
			lastErr = &body.APIError
			continue
		}
		return 0, &body.APIError
	}
	return 0, lastErr
}
