package upload

import (
	"strings"
	"unicode"
)

// words splits an identifier into lowercase words: "isRetryableCode" is
// is, retryable, code; "upload_slice_data" is upload, slice, data;
// "HTTPTimeout" is http, timeout.
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush(i)
		case start < 0:
			start = i
		case unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])):
			flush(i)
			start = i
		case unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]):
			flush(i) // the "T" of "HTTPTimeout"
			start = i
		}
	}
	flush(len(rs))
	return out
}

func hasWord(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if set[w] {
			return true
		}
	}
	return false
}

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	// Words that make a classifier or a set about retrying.
	retryWords = wordSet("retry", "retries", "retryable", "retriable", "retrieable", "retried", "retrying",
		"temporary", "transient", "recoverable")
	// Words that turn such a name around: nonRetryable, noRetry, notTemporary.
	negationWords = wordSet("non", "no", "not", "never", "dont", "cannot", "cant", "without")
	// Words that make a retry one of the whole upload: shouldRetryUpload,
	// retrySessionCodes.
	wholeWords = wordSet("upload", "uploads", "file", "files", "session", "whole")
	// Words of a call that starts an upload over or resumes one.
	restartWords = wordSet("init", "initialize", "initialise", "reinit", "restart", "reupload",
		"resume", "reset", "renew", "reopen", "begin")
	sessionWords = wordSet("session", "sess", "upload")
	newWords     = wordSet("new", "open", "start", "create")
	listWords    = wordSet("list")
	sliceWords   = wordSet("slice", "slices", "chunk", "chunks", "part", "parts", "piece", "pieces")
	sendWords    = wordSet("upload", "send", "put", "post", "write", "data", "transfer", "push")
	notSendWords = wordSet("init", "finish", "list", "complete", "done", "close")
	successWords = wordSet("ok", "success", "succeeded", "successful", "succeed")
)

// saysRetry reports whether a classifier's or a set's name says it answers
// "retry": isRetryable, shouldRetry, Temporary, retryCodes, but not
// nonRetryable, noRetryCodes, retryWithNewSession or shouldRetryUpload
// (a retry of the whole upload is the right answer).
func saysRetry(name string) bool {
	ws := words(name)
	return hasWord(ws, retryWords) && !hasWord(ws, negationWords) && !hasWord(ws, wholeWords) && !isRestartCallName(name)
}

// isRestartCallName reports whether a call's name says it starts the upload
// over or resumes it: initUpload, restartUpload, newSession, listSlices.
func isRestartCallName(name string) bool {
	ws := words(name)
	if hasWord(ws, restartWords) {
		return true
	}
	if hasWord(ws, newWords) && hasWord(ws, sessionWords) {
		return true
	}
	return hasWord(ws, listWords) && hasWord(ws, sliceWords)
}

// isSliceSendName reports whether a call's name says it sends one slice:
// uploadSlice, sendChunk, putPart, UploadSliceData.
func isSliceSendName(name string) bool {
	ws := words(name)
	return hasWord(ws, sliceWords) && hasWord(ws, sendWords) && !hasWord(ws, notSendWords) && !hasWord(ws, restartWords)
}
