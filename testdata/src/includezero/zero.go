package includezero

const op = "upload_slice_init"

type Response struct {
	Code    int    `json:"code"` // want Code:"code source: response code"
	Message string `json:"message"`
}

func ok(r Response) bool { return r.Code == 0 } // want `0 is catalog.Success \(成功: success\)`

func okStatus(status int) bool { return status == 0 } // not a code: silent even with -include-zero
