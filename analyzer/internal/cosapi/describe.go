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
	return DescribeEntry(entries[0])
}

// DescribeEntry names one entry of the catalog by its value, constant and
// gloss, "-4019 (catalog.ErrOffsetToZero: storing failed, upload again)":
// for a value the catalog has twice (-61), the entry meant.
func DescribeEntry(c catalog.Code) string {
	return fmt.Sprintf("%d (%s: %s)", c.Value, c.Qualified(), c.Gloss)
}
