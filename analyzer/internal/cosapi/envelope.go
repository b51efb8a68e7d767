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
	return codeField(t, 0) != nil
}

// StructTagValue returns the value of key in a struct tag's text.
func StructTagValue(tag, key string) string { return reflect.StructTag(tag).Get(key) }

// IsMessageField reports whether obj is a message field of t (a struct,
// a pointer to one, or one that embeds the envelope): by its JSON name,
// or by its name when it has none.
func IsMessageField(t types.Type, obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() {
		return false
	}
	if tag, found := fieldTag(t, v, 0); found {
		if name := JSONName(tag); name != "" {
			return IsMessageName(name)
		}
	}
	name := strings.ToLower(v.Name())
	return name == "message" || name == "msg" || name == "errmsg"
}

// fieldTag returns the tag of field v in struct type t, looking through
// pointers and embedded structs.
func fieldTag(t types.Type, v *types.Var, depth int) (string, bool) {
	if t == nil || depth > 4 {
		return "", false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	for i := range st.NumFields() {
		if st.Field(i) == v {
			return st.Tag(i), true
		}
		if st.Field(i).Embedded() {
			if tag, ok := fieldTag(st.Field(i).Type(), v, depth+1); ok {
				return tag, true
			}
		}
	}
	return "", false
}

// CodeField returns the field of t (a struct, a pointer to one, or one
// that embeds the envelope) tagged json:"code", and whether a selector
// reaches it by its name alone (it is not hidden by a field of the same
// name nearer the top).
func CodeField(t types.Type) (*types.Var, bool) {
	v := codeField(t, 0)
	if v == nil {
		return nil, false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, v.Pkg(), v.Name())
	return v, obj == v
}

func codeField(t types.Type, depth int) *types.Var {
	if t == nil || depth > 4 {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if JSONName(st.Tag(i)) == "code" {
			return st.Field(i)
		}
	}
	for i := range st.NumFields() {
		if st.Field(i).Embedded() {
			if v := codeField(st.Field(i).Type(), depth+1); v != nil {
				return v
			}
		}
	}
	return nil
}
