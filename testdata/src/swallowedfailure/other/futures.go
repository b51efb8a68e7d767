// Package other holds code that does not talk to COS: a Binance-style
// futures client and the chunked upload of another storage service, both
// with {"code", "msg"} answers, the same negative numbers as COS, and
// failures swallowed as success. No COS URL, no COS op string, no import
// of the catalog: the swallowed-failure check must stay silent here.
package other

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

const futuresURL = "https://fapi.binance.com"

// APIError is the body of a failed request.
type APIError struct {
	Code    int64  `json:"code"`
	Message string `json:"msg"`
}

func (e *APIError) Error() string {
	return "binance: " + strconv.FormatInt(e.Code, 10) + " " + e.Message
}

// Futures signs requests with an API key pair.
type Futures struct {
	APIKey, SecretKey string
	HTTP              *http.Client
}

func (f *Futures) sign(q url.Values) string {
	m := hmac.New(sha256.New, []byte(f.SecretKey))
	m.Write([]byte(q.Encode()))
	return hex.EncodeToString(m.Sum(nil))
}

func (f *Futures) post(ctx context.Context, path string, q url.Values) (int64, error) {
	q.Set("timestamp", strconv.FormatInt(time.Now().UnixMilli(), 10))
	q.Set("signature", f.sign(q))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, futuresURL+path+"?"+q.Encode(), nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("X-MBX-APIKEY", f.APIKey)
	resp, err := f.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e APIError
		if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
			return 0, err
		}
		return 0, &e
	}
	var out struct {
		OrderID int64 `json:"orderId"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, err
	}
	return out.OrderID, nil
}

// ReduceLeverage lowers the leverage before an order; -4018 here is
// MULTIPLIER_DOWN_LESS_THAN_ZERO and -4019 COMPOSITE_SCALE_OVERFLOW,
// which the bot treats as "nothing to do".
func (f *Futures) ReduceLeverage(ctx context.Context, symbol string, leverage int) error {
	_, err := f.post(ctx, "/fapi/v1/leverage", url.Values{"symbol": {symbol}, "leverage": {strconv.Itoa(leverage)}})
	var e *APIError
	if errors.As(err, &e) && (e.Code == -4018 || e.Code == -4019) {
		return nil
	}
	if err != nil {
		log.Printf("binance: leverage %s: %v", symbol, err)
		return nil
	}
	return nil
}

// PlaceOrder retries a timed-out order three times, then gives up with
// no order and no error.
func (f *Futures) PlaceOrder(ctx context.Context, symbol, side string, qty float64) (int64, error) {
	q := url.Values{
		"symbol":   {symbol},
		"side":     {side},
		"type":     {"MARKET"},
		"quantity": {strconv.FormatFloat(qty, 'f', -1, 64)},
	}
	for attempt := 0; attempt < 3; attempt++ {
		id, err := f.post(ctx, "/fapi/v1/order", q)
		var e *APIError
		if errors.As(err, &e) && e.Code == -1007 { // TIMEOUT: unknown status, send again
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return 0, err
		}
		return id, nil
	}
	return 0, nil
}
