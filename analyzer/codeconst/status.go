package codeconst

// isOtherHTTPStatus reports whether v is a standard HTTP status that the
// code list does not mention: proxies and load balancers answer with those,
// so comparing with one is not an error of this API's.
func isOtherHTTPStatus(v int) bool {
	return v > 0 && v < len(standardStatuses) && standardStatuses[v]
}

// standardStatuses are the statuses net/http.StatusText names (a test
// keeps them equal). Importing net/http for them would link and initialise
// it in every go vet process of the tool.
var standardStatuses = func() (s [512]bool) {
	for _, r := range [][2]int{
		{100, 103}, {200, 208}, {226, 226}, {300, 305}, {307, 308},
		{400, 418}, {421, 426}, {428, 429}, {431, 431}, {451, 451},
		{500, 508}, {510, 511},
	} {
		for v := r[0]; v <= r[1]; v++ {
			s[v] = true
		}
	}
	return s
}()
