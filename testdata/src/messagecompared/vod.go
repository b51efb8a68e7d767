package messagecompared

import "strings"

// This file is the "vod" author's: an upload console that embeds a
// *BaseResp with ErrCode/ErrMsg fields (tags "code" and "message" with
// omitempty), and names the message it looks for.

// BaseResp is embedded in every answer.
type BaseResp struct {
	ErrCode   int    `json:"code,omitempty"`
	ErrMsg    string `json:"message,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

type vodInitResp struct {
	*BaseResp
	Data struct {
		Session   string `json:"session"`
		AccessURL string `json:"access_url"`
	} `json:"data"`
}

const msgSameFile = "相同文件已上传过"

// alreadyThere: the console treats the same file, or a file of the same
// name, as done.
func alreadyThere(r *vodInitResp) bool {
	return r.ErrMsg == msgSameFile || strings.HasSuffix(r.ErrMsg, "文件已存在") // want "message compared instead of code" "message compared instead of code"
}

func requestID(r *vodInitResp) string { return strings.TrimSpace(r.RequestID) }
