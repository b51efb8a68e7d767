package suppress

const endpoint = "http://gz.file.myqcloud.com/files/v2/"

type response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func check(r response) int {
	//errcodelint:ignore the vendor's test server answers -4019 for a missing bucket
	if r.Code == -4019 {
		return 1
	}
	if r.Code == -4026 { //errcodelint:ignore compared with the raw value on purpose, see the test table
		return 2
	}
	//errcodelint:ignore // want `errcodelint:ignore needs a reason`
	if r.Code == -4027 { // want `-4027 is catalog.ErrOffsetRedo`
		return 3
	}
	// An unknown directive is reported and silences nothing.
	//errcodelint:silence please // want `unknown directive //errcodelint:silence`
	if r.Code == -71 { // want `-71 is catalog.ErrorProxyFreqControl`
		return 4
	}
	return 0
}
