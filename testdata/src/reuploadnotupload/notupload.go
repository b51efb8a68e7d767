// Package reuploadnotupload is a COS v4 client whose loops are no upload
// loops: nothing here is reported.
package reuploadnotupload

import (
	"log"
	"time"

	cos "reuploadcos"
)

const op = "upload_slice_data" // the package talks to COS

// A loop over answers already received: continue moves to the next one.
func summarize(results []cos.Response) int {
	failed := 0
	for _, r := range results {
		if r.Code == -4019 {
			log.Printf("upload refused: %s", r.Message)
			failed++
			continue
		}
	}
	return failed
}

// A loop over files: each one is a whole new upload.
func uploadAll(c *cos.Client, files map[string][]byte) {
	for path, data := range files {
		resp, err := c.UploadFile(path, data)
		if err != nil || resp.Code == -4026 {
			log.Printf("%s: not uploaded", path)
			continue
		}
	}
}

// A stat retried by a counter: no upload, whatever code it compares.
func statRetry(c *cos.Client, path string) *cos.Response {
	for try := 0; try < 3; try++ {
		resp, err := c.Stat(path)
		if err != nil {
			continue
		}
		if resp.Code == -4019 {
			time.Sleep(time.Second)
			continue
		}
		return resp
	}
	return nil
}

// Polling a job in a loop that has nothing to do with slices.
func poll(check func() *cos.Response) {
	for i := 0; i < 10; i++ {
		if check().Code == -4027 {
			time.Sleep(time.Second)
			continue
		}
		break
	}
}

var _ = op
