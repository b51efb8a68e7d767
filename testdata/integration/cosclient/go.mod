module example.com/cosclient

go 1.26.0

require github.com/errcodelint/errcodelint/catalog v0.0.0

replace github.com/errcodelint/errcodelint/catalog => ../../../catalog
