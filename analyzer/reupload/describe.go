package reupload

import (
	"fmt"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/cosapi"
)

func describe(v int) string { return cosapi.DescribeValue(v) }

// describeSome names the first codes of vs and counts the rest:
// "A", "A and B", "A, B and 3 more".
func describeSome(vs []int) string {
	const shown = 2
	var parts []string
	for i, v := range vs {
		if i == shown {
			break
		}
		parts = append(parts, describe(v))
	}
	switch rest := len(vs) - len(parts); {
	case rest > 0:
		return strings.Join(parts, ", ") + fmt.Sprintf(" and %d more", rest)
	case len(parts) > 1:
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}
