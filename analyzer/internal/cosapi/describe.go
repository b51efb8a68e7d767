package cosapi

import (
	"fmt"

	"github.com/errcodelint/errcodelint/catalog"
)

// Describe names a catalog entry for a message about a literal: its
// constant, message and gloss, "catalog.ErrOffsetToZero (入库失败，请重新上传:
// storing failed, upload again)".
func Describe(c catalog.Code) string {
	return fmt.Sprintf("%s (%s: %s)", c.Qualified(), c.Message, c.Gloss)
}

// DescribeValue names a code for a message about handling: its value,
// constant and gloss, "-4019 (catalog.ErrOffsetToZero: storing failed,
// upload again)". A value the catalog does not know is its number.
func DescribeValue(v int) string {
	entries := catalog.ByValue(v)
	if len(entries) == 0 {
		return fmt.Sprint(v)
	}
	c := entries[0]
	return fmt.Sprintf("%d (%s: %s)", v, c.Qualified(), c.Gloss)
}
