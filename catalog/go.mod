// The catalog is a module of its own so that a service that names codes
// with it depends on these constants and nothing else: no requirements,
// and the oldest go version it builds with (go vet's stdversion check
// holds the code to it). It is released together with the linter, under
// the same version (catalog/vX.Y.Z beside vX.Y.Z): docs/delivery.md.
module github.com/errcodelint/errcodelint/catalog

go 1.22
