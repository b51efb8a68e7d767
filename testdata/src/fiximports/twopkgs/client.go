// Package twopkgs has a file whose fixes import two packages, net/http and
// the catalog: each where goimports puts it, and both together.
package twopkgs

import "net/http"

const endpoint = "https://sh.file.myqcloud.com/files/v2/"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func get(c *http.Client) (*http.Response, *Response, error) {
	resp, err := c.Get(endpoint)
	return resp, &Response{}, err
}
