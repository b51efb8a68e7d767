package catalog

// Family is a part of the code list: who produces the code and what kind of
// number it is.
type Family uint8

// The families, in the order of the code list.
const (
	FamilySDK      Family = iota + 1 // 服务端 SDK 错误码: codes the SDKs produce themselves (-1..-4)
	FamilyDownload                   // 下载状态码: HTTP statuses and error numbers of the download servers
	FamilyHTTP                       // 后端 HTTP 返回码: HTTP statuses of the API, with COS-specific 599, 612, 631
	FamilyBusiness                   // 业务返回码: 0 (success) and -9999
	FamilyProxy                      // PROXY 错误码 (-99..-60)
	FamilyCmd                        // CMD 错误码 (-199..-143)
	FamilyCache                      // 文件缓存的错误码 (-300..-282)
	FamilyPlugin                     // 文件插件错误码 (-4027..-4000)
	FamilyCGI                        // CGI 错误码 (-5999..-5971)
	FamilyOSS                        // OSS 错误码 (-6999..-6991)
)

// familyRanges bounds the values of each family; the tests hold every entry
// to them.
var familyRanges = [...]struct{ lo, hi int }{
	FamilySDK:      {-4, -1},
	FamilyDownload: {100, 99999},
	FamilyHTTP:     {100, 999},
	FamilyBusiness: {-9999, 0},
	FamilyProxy:    {-99, -60},
	FamilyCmd:      {-199, -143},
	FamilyCache:    {-300, -282},
	FamilyPlugin:   {-4027, -4000},
	FamilyCGI:      {-5999, -5971},
	FamilyOSS:      {-6999, -6991},
}

func (f Family) valid() bool { return f > 0 && int(f) < len(familyNames) }

// String returns the family's key as codes.tsv and -json spell it ("plugin").
func (f Family) String() string {
	if !f.valid() {
		return "Family(?)"
	}
	return familyNames[f].key
}

// Title returns the family's name for people ("file plugin").
func (f Family) Title() string {
	if !f.valid() {
		return "unknown family"
	}
	return familyNames[f].title
}

// Heading returns the heading the code list gives the family ("文件插件错误码").
func (f Family) Heading() string {
	if !f.valid() {
		return ""
	}
	return familyNames[f].heading
}

// Range returns the smallest and largest value a code of the family may
// have.
func (f Family) Range() (lo, hi int) {
	if !f.valid() {
		return 0, -1
	}
	return familyRanges[f].lo, familyRanges[f].hi
}

// IsHTTPStatus reports whether the family's codes travel as HTTP statuses
// (or, for the download servers, beside them) rather than in the JSON code
// field.
func (f Family) IsHTTPStatus() bool { return f == FamilyHTTP || f == FamilyDownload }
