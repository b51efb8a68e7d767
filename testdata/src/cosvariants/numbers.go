package cosvariants

import (
	"encoding/json"
	"slices"
	"strconv"
)

// stat is decoded with UseNumber: its code is a json.Number.
type stat struct {
	Code    json.Number `json:"code"` // want Code:"code source: response code"
	Message string      `json:"message"`
}

func missing(st stat, l legacy) bool {
	code, err := st.Code.Int64()
	if err != nil {
		return false
	}
	n, _ := strconv.Atoi(l.Code)
	return code == -166 || n == -197 || slices.Contains([]int{-4018, -177}, n) // want `-166 is catalog.ErrorCmdCosIndexError` `-197 is catalog.ErrorCmdFileNotexist` `-4018 is catalog.ErrSameFileUpload` `-177 is catalog.ErrorCmdCosFileExist`
}
