// Package exprinfo answers what the type checker knows about an
// expression that the checks ask again and again: the integer constant it
// folds to, the declaration it names, and whether its type can hold a
// response code. Each question has its one answer here.
package exprinfo

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
)

// IntConst returns the integer constant e folds to: literals, -(4019),
// int32(-4019), catalog and local constants alike. A string constant that
// spells an integer counts too: some clients declare the code field as a
// string and compare it with "-4019".
func IntConst(info *types.Info, e ast.Expr) (int, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return ConstValue(tv.Value)
}

// ConstValue converts a constant to an int, as IntConst does.
func ConstValue(v constant.Value) (int, bool) {
	if v.Kind() == constant.String {
		n, err := strconv.Atoi(constant.StringVal(v))
		return n, err == nil
	}
	n, exact := constant.Int64Val(constant.ToInt(v))
	if !exact || int64(int(n)) != n {
		return 0, false
	}
	return int(n), true
}

// IsInteger reports whether t's underlying type is an integer type.
func IsInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// IsCodeType reports whether values of t can be response codes: integers,
// or strings that spell them (some gateways answer "code": "-4018").
func IsCodeType(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsString) != 0
}

// Object returns the declaration an identifier or a selector names (a
// variable, field, function, method, constant or type), or nil.
func Object(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := info.Uses[e]; obj != nil {
			return obj
		}
		return info.Defs[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}

// Var returns the variable or field an identifier or selector names, such
// as the one an assignment writes, or nil.
func Var(info *types.Info, e ast.Expr) *types.Var {
	v, _ := Object(info, e).(*types.Var)
	return v
}

// RootIdent returns the identifier at the root of an lvalue or operand:
// req in req.Op, m in m["op"], p in *p and &p.
func RootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// Origin maps members of instantiated generic types and functions to
// their declarations.
func Origin(obj types.Object) types.Object {
	switch o := obj.(type) {
	case *types.Var:
		return o.Origin()
	case *types.Func:
		return o.Origin()
	}
	return obj
}
