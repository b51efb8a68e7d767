package twopkgs

import (
	"errors"
)

func check(c interface{ Close() error }) error {
	resp, r, err := get(nil)
	if err != nil {
		return err
	}
	if resp.StatusCode == 404 { // want `404 is http.StatusNotFound`
		return errors.New("no such file")
	}
	if r.Code == -4019 { // want `-4019 is catalog.ErrOffsetToZero`
		return c.Close()
	}
	return nil
}
