package cosapi

import (
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// JSONName returns the name a struct tag's json key gives a field,
// lower-cased (encoding/json matches names case-insensitively), or "".
// tag is the tag's text without quotes.
func JSONName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return strings.ToLower(name)
}

// QuotedJSONName is JSONName for a tag as the source spells it, quoted.
func QuotedJSONName(quoted string) string {
	raw, err := strconv.Unquote(quoted)
	if err != nil {
		return ""
	}
	return JSONName(raw)
}

// IsMessageName reports whether a JSON field name is the envelope's
// message: "message", or the "msg" some gateways answer with.
func IsMessageName(name string) bool { return name == "message" || name == "msg" }

// HasCodeField reports whether t is, or points to, a struct with a field
// tagged json:"code", directly or through an embedded struct: the
// envelope, or a type that embeds it.
func HasCodeField(t types.Type) bool {
	return hasCodeField(t, 0)
}

func hasCodeField(t types.Type, depth int) bool {
	if t == nil || depth > 4 {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if JSONName(st.Tag(i)) == "code" {
			return true
		}
		if st.Field(i).Embedded() && hasCodeField(st.Field(i).Type(), depth+1) {
			return true
		}
	}
	return false
}

// StructTagValue returns the value of key in a struct tag's text.
func StructTagValue(tag, key string) string { return reflect.StructTag(tag).Get(key) }
