// Package floor documents the cost floors errcodelint is measured against
// (docs/performance.md). Each floor is a command built with the same driver
// (singlechecker) and the same golang.org/x/tools as cmd/errcodelint, whose
// analyzer does nothing:
//
//   - nop declares no fact type, so the driver type-checks only the named
//     packages from source and their dependencies from export data: the
//     floor of errcodelint -facts=false.
//   - nopfacts declares a fact type, so the standalone driver loads every
//     dependency from source and go vet runs the tool on every dependency:
//     the floor of errcodelint with its default cross-package facts.
package floor
