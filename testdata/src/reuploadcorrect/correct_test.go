package reuploadcorrect

import (
	"testing"

	cos "reuploadcos"
)

// Tests compare codes to check a client: they are none.
func TestSessionCodes(t *testing.T) {
	c := &cos.Client{}
	for try := 0; try < 3; try++ {
		resp, _ := c.SendSlice("session", 0, nil)
		if resp.Code == -4019 {
			t.Log("session broken, as expected")
			continue
		}
	}
}
