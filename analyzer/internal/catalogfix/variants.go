package catalogfix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// otherVariantNames returns the names declared at package level by the
// files of file's package that this pass does not analyze: its _test.go
// files when the pass is of the package without its tests, and the files
// that other build configurations select. An import under one of those
// names compiles in this variant and not in that one ("catalog already
// declared through import of package catalog" when a test file declares
// var catalog), so no fix chooses it, and every variant's pass chooses the
// same name. The files are read from the directory and parsed, not type
// checked: outside the pass's own files, which is the one thing the
// analysis framework's contract leaves out (an editor reanalyzes when such
// a file changes only once a file of the pass changes too).
func (s *Fixer) otherVariantNames(file *ast.File) map[string]bool {
	dir := filepath.Dir(s.pass.Fset.PositionFor(file.Package, true).Filename)
	key := dir + "\x00" + file.Name.Name
	if names, ok := s.variantNames[key]; ok {
		return names
	}
	names := make(map[string]bool)
	if s.variantNames == nil {
		s.variantNames = make(map[string]map[string]bool)
	}
	s.variantNames[key] = names
	analyzed := make(map[string]bool)
	for _, f := range s.pass.Files {
		analyzed[s.pass.Fset.PositionFor(f.Package, true).Filename] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return names
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || analyzed[path] {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != file.Name.Name {
			continue
		}
		for _, name := range packageLevelNames(f) {
			names[name] = true
		}
	}
	return names
}

// packageLevelNames returns the names f declares in its package's block.
func packageLevelNames(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name != "init" {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						names = append(names, n.Name)
					}
				case *ast.TypeSpec:
					names = append(names, spec.Name.Name)
				}
			}
		}
	}
	return names
}
