package cosapi

import "strings"

// Host is the domain of the API's endpoints (sh.file.myqcloud.com,
// web.file.myqcloud.com).
const Host = "myqcloud.com"

// Paths are the v4 API's URL paths; they count only in a package that also
// names a myqcloud.com host (clients often build host and path apart).
var Paths = []string{"/files/v2/", "/files/v1/", "/photos/v2/"}

// Markers are the substrings of the string constants that can tie a
// package to the API: the host, the paths and the op values.
var Markers = func() []string {
	m := []string{Host, "upload_slice"}
	m = append(m, Paths...)
	return m
}()

// HasMarker reports whether s contains one of the Markers.
func HasMarker(s string) bool {
	for _, m := range Markers {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
