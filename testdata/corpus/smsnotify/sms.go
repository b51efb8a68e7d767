// Package smsnotify sends upload notifications through an SMS gateway
// whose JSON answers look like COS's ({"code", "message"}) but whose codes
// are its own.
package smsnotify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

const gateway = "https://sms.example.cn/v2/send"

// Result is the gateway's answer.
type Result struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	SID     string `json:"sid"`
}

// Gateway error codes used here.
const (
	codeTemplatePending = -4018 // the template is not approved yet
)

// Sender sends text messages.
type Sender struct {
	Token string
	HTTP  *http.Client
}

// Send delivers msg to phone, retrying while the gateway is busy.
func (s *Sender) Send(ctx context.Context, phone, template string, params map[string]string) (string, error) {
	body, err := json.Marshal(map[string]any{"to": phone, "template": template, "params": params})
	if err != nil {
		return "", err
	}
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, gateway, bytes.NewReader(body))
		if err != nil {
			return "", err
		}
		req.Header.Set("Authorization", "Bearer "+s.Token)
		resp, err := s.HTTP.Do(req)
		if err != nil {
			return "", err
		}
		var r Result
		err = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if err != nil {
			return "", err
		}
		switch {
		case r.Code == 0:
			return r.SID, nil
		case r.Code == -4019 || r.Code == -4026: // gateway busy, channel switching
			time.Sleep(time.Duration(attempt+1) * time.Second)
			continue
		case r.Code == codeTemplatePending:
			return "", fmt.Errorf("smsnotify: template %s not approved", template)
		case resp.StatusCode == 404:
			return "", fmt.Errorf("smsnotify: gateway moved")
		}
		return "", fmt.Errorf("smsnotify: %s (%d)", r.Message, r.Code)
	}
	return "", fmt.Errorf("smsnotify: gateway busy")
}
