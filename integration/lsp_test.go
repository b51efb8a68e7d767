package integration

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errcodelint/errcodelint/internal/fixture"
)

// gopls check takes no settings, so turning a check off in the editor is
// tested the way an editor does it: an LSP session with gopls serve whose
// initialization options carry "analyses": {NAME: false}.
func TestGoplsAnalysesSetting(t *testing.T) {
	bin := tool(t, "ERRCODELINT_GOPLS", "gopls-test")
	for _, check := range append([]string{""}, fixture.Checks(t)...) {
		name := "all on"
		if check != "" {
			name = check + " off"
		}
		t.Run(name, func(t *testing.T) {
			dir := fixture.Copy(t)
			analyses := map[string]bool{}
			if check != "" {
				analyses[check] = false
			}
			got := lspDiagnostics(t, bin, dir, map[string]any{"analyses": analyses}, func(got []fixture.Finding) bool {
				return fixture.Matches(t, got, func(w fixture.Want) bool { return fixture.CheckOf(w) != check })
			})
			fixture.CheckKept(t, got, func(w fixture.Want) bool { return fixture.CheckOf(w) != check })
		})
	}
}

// An lspConn is a JSON-RPC connection to a language server over stdio.
type lspConn struct {
	in   io.Writer
	out  *bufio.Reader
	next int
}

func (c *lspConn) send(msg map[string]any) error {
	msg["jsonrpc"] = "2.0"
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(data), data)
	return err
}

func (c *lspConn) request(method string, params any) (int, error) {
	c.next++
	return c.next, c.send(map[string]any{"id": c.next, "method": method, "params": params})
}

// lspMessage is any message from the server.
type lspMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Error  json.RawMessage `json:"error"`
}

func (c *lspConn) read() (lspMessage, error) {
	var msg lspMessage
	length := -1
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			return msg, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			length, _ = strconv.Atoi(v)
		}
	}
	if length < 0 {
		return msg, fmt.Errorf("no Content-Length")
	}
	data := make([]byte, length)
	if _, err := io.ReadFull(c.out, data); err != nil {
		return msg, err
	}
	return msg, json.Unmarshal(data, &msg)
}

// lspDiagnostics opens the fixture's files in a gopls session with the
// given settings and returns the diagnostics of errcodelint's analyzers
// once done(diagnostics) holds, or what it has after a minute.
func lspDiagnostics(t *testing.T, bin, dir string, settings map[string]any, done func([]fixture.Finding) bool) []fixture.Finding {
	t.Helper()
	cmd := exec.Command(bin, "serve")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	}()
	c := &lspConn{in: stdin, out: bufio.NewReader(stdout)}
	root := (&url.URL{Scheme: "file", Path: dir}).String()

	type result struct {
		fs  []fixture.Finding
		err error
	}
	results := make(chan result, 1)
	var mu sync.Mutex
	var latest []fixture.Finding // for the report when done never holds
	go func() {
		byFile := map[string][]fixture.Finding{}
		for {
			msg, err := c.read()
			if err != nil {
				results <- result{err: err}
				return
			}
			switch {
			case msg.Method == "textDocument/publishDiagnostics":
				var p struct {
					URI         string `json:"uri"`
					Diagnostics []struct {
						Range struct {
							Start struct{ Line, Character int } `json:"start"`
						} `json:"range"`
						Source  string `json:"source"`
						Message string `json:"message"`
					} `json:"diagnostics"`
				}
				if err := json.Unmarshal(msg.Params, &p); err != nil {
					results <- result{err: err}
					return
				}
				u, _ := url.Parse(p.URI)
				file := filepath.Base(u.Path)
				byFile[file] = nil
				for _, d := range p.Diagnostics {
					if d.Source == "compiler" {
						continue
					}
					byFile[file] = append(byFile[file], fixture.Finding{File: file, Line: d.Range.Start.Line + 1, Col: d.Range.Start.Character + 1, Message: d.Message})
				}
				var all []fixture.Finding
				for _, fs := range byFile {
					all = append(all, fs...)
				}
				mu.Lock()
				latest = all
				mu.Unlock()
				if done(all) {
					results <- result{fs: all}
					return
				}
			case msg.Method != "" && len(msg.ID) > 0: // a request of the server's
				var reply any
				if msg.Method == "workspace/configuration" {
					var p struct{ Items []any }
					json.Unmarshal(msg.Params, &p)
					items := make([]any, len(p.Items))
					for i := range items {
						items[i] = settings
					}
					reply = items
				}
				if err := c.send(map[string]any{"id": msg.ID, "result": reply}); err != nil {
					results <- result{err: err}
					return
				}
			case len(msg.Error) > 0:
				results <- result{err: fmt.Errorf("gopls: %s", msg.Error)}
				return
			}
		}
	}()

	if _, err := c.request("initialize", map[string]any{
		"processId":             nil,
		"rootUri":               root,
		"workspaceFolders":      []map[string]string{{"uri": root, "name": "cosclient"}},
		"initializationOptions": settings,
		"capabilities": map[string]any{
			"workspace":    map[string]any{"configuration": true, "workspaceFolders": true},
			"textDocument": map[string]any{"publishDiagnostics": map[string]any{"relatedInformation": true}},
		},
	}); err != nil {
		t.Fatal(err)
	}
	if err := c.send(map[string]any{"method": "initialized", "params": map[string]any{}}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		uri := (&url.URL{Scheme: "file", Path: f}).String()
		if err := c.send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{
			"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(text)},
		}}); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case r := <-results:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.fs
	case <-time.After(time.Minute):
		t.Error("gopls serve: the expected diagnostics did not come within a minute")
		mu.Lock()
		defer mu.Unlock()
		return latest
	}
}
