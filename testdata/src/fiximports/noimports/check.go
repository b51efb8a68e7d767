package noimports

func exists(r Response) bool {
	return r.Code == -177 // want `-177 is catalog.ErrorCmdCosFileExist`
}
