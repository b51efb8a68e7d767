package cosv2

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
)

// hookReply is how the CMS answers a publish notification; it is not a
// COS answer, though it looks like one.
type hookReply struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
}

// Publisher uploads a file and tells the CMS where it is.
type Publisher struct {
	C    *Client
	Hook string // the CMS endpoint
	HC   *http.Client
}

// Publish uploads data under key and notifies the CMS. A notification the
// CMS has seen already is not an error.
func (p *Publisher) Publish(ctx context.Context, key string, data []byte) error {
	obj, err := p.C.Put(ctx, key, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		var r *Reply
		if errors.As(err, &r) {
			log.Printf("publish %s: COS said %q (%d)", key, r.Message, r.Code)
		}
		return err
	}
	b, err := json.Marshal(map[string]string{"key": key, "url": obj.AccessURL})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.Hook, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := p.HC.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var h hookReply
	if err := json.NewDecoder(res.Body).Decode(&h); err != nil {
		return err
	}
	switch {
	case h.Code == 0:
		return nil
	case strings.HasPrefix(h.Msg, "duplicate"), h.Msg == "重复通知":
		return nil
	}
	return fmt.Errorf("publish %s: CMS: %s (%d)", key, h.Msg, h.Code)
}
