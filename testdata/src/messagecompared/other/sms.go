// Package other sends upload notifications through an SMS gateway whose
// JSON answers look like COS's ({"code", "message"}) and whose Chinese
// messages overlap COS's catalog. It does not talk to COS (no COS URL, no
// op string, no catalog import): message-compared must stay silent.
package other

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

const gateway = "https://sms.example.cn/v2/send"

// Result is the gateway's answer.
type Result struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	SID     string `json:"sid"`
}

// Sender sends text messages.
type Sender struct {
	Token string
	HTTP  *http.Client
}

// Send delivers a templated message, waiting while the gateway says it
// is busy; a message sent before is not sent again.
func (s *Sender) Send(ctx context.Context, phone, template string) (string, error) {
	body, err := json.Marshal(map[string]string{"to": phone, "template": template})
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
		case r.Message == "操作太频繁,请稍后再试":
			time.Sleep(time.Duration(attempt+1) * time.Second)
		case strings.Contains(r.Message, "已存在"), r.Message == "相同文件已上传过":
			return r.SID, nil
		default:
			return "", fmt.Errorf("sms: %d %s", r.Code, r.Message)
		}
	}
	return "", fmt.Errorf("sms: gateway busy")
}

// template names the gateway's answer for a template that is missing.
func templateMissing(r *Result) bool {
	switch r.Message {
	case "文件不存在", "索引不存在":
		return true
	}
	return false
}
