module github.com/errcodelint/errcodelint

go 1.26.0

require (
	github.com/errcodelint/errcodelint/catalog v0.0.0
	github.com/golangci/plugin-module-register v0.1.2
	golang.org/x/mod v0.42.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c // indirect
	golang.org/x/exp/typeparams v0.0.0-20231108232855-2478ac86f678 // indirect
	golang.org/x/sync v0.24.0 // indirect
	honnef.co/go/tools v0.8.2 // indirect
)

tool honnef.co/go/tools/cmd/staticcheck

// The linter is built with the catalog of the same commit. A release drops
// this line and requires the catalog's tag of the same version instead
// (docs/delivery.md, "Releasing"; internal/release tests both states).
replace github.com/errcodelint/errcodelint/catalog => ./catalog
