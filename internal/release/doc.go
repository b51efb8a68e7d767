// Package release holds the tests that keep errcodelint's two modules in
// step: the linter (github.com/errcodelint/errcodelint) and the catalog
// (github.com/errcodelint/errcodelint/catalog), a module of its own without
// dependencies so that code errcodelint has fixed depends on these
// constants alone.
//
// Both are released together under one version: the catalog's tag
// catalog/vX.Y.Z first, then the linter's vX.Y.Z on a commit whose go.mod
// requires exactly that catalog (tools/release/prepare.sh). Between
// releases the linter's go.mod replaces the catalog with ./catalog, so the
// linter is always built with the catalog of its own commit. The tests
// check the catalog has no requirements, that the linter is built with
// this checkout's catalog in either state, that a user's module needs the
// catalog and nothing else, and, against a module proxy on disk, that the
// release procedure gives a linter `go install ...@vX.Y.Z` can install.
// The procedure is in docs/delivery.md ("Releasing").
package release
