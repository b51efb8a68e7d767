// Command bench prints the tables of docs/performance.md from the results
// internal/floor/bench.sh leaves in a directory: for each target and
// loading regime, each tool's wall time, CPU time and peak RSS, and
// errcodelint's ratios to the floor of its regime.
//
//	go run ./internal/floor/bench OUTDIR
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// hyperfineResult is one command of hyperfine's --export-json output.
type hyperfineResult struct {
	Mean   float64   `json:"mean"`
	Median float64   `json:"median"`
	Stddev float64   `json:"stddev"`
	Min    float64   `json:"min"`
	User   float64   `json:"user"`
	System float64   `json:"system"`
	Times  []float64 `json:"times"`
}

type measurement struct {
	wall, wallSD, wallMin, cpu float64 // seconds: median wall, its spread, fastest run, mean user+system
	rssMB                      float64 // median peak RSS
	runs                       int
}

// pairs are each regime's tool and its floor.
var pairs = [][2]string{
	{"errcodelint-nofacts", "nop"},
	{"errcodelint", "nopfacts"},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bench OUTDIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "bench: no results in %s\n", dir)
		os.Exit(1)
	}
	results := map[string]measurement{} // by target.mode.tool
	var groups []string                 // target.mode, in order
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		m, err := load(dir, id)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: %s: %v\n", id, err)
			os.Exit(1)
		}
		results[id] = m
		parts := strings.SplitN(id, ".", 3)
		if g := parts[0] + "." + parts[1]; !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	for _, g := range groups {
		fmt.Printf("### %s\n\n", g)
		fmt.Println("| tool | wall median ± sd | wall min | CPU user+sys | peak RSS | runs |")
		fmt.Println("|---|---|---|---|---|---|")
		for _, tool := range []string{"nop", "errcodelint-nofacts", "nopfacts", "errcodelint"} {
			if m, ok := results[g+"."+tool]; ok {
				fmt.Printf("| %s | %.2f s ± %.2f | %.2f s | %.2f s | %.0f MB | %d |\n", tool, m.wall, m.wallSD, m.wallMin, m.cpu, m.rssMB, m.runs)
			}
		}
		fmt.Println()
		for _, p := range pairs {
			m, ok1 := results[g+"."+p[0]]
			floor, ok2 := results[g+"."+p[1]]
			if ok1 && ok2 {
				fmt.Printf("- %s / %s: wall median %.3f, wall min %.3f, CPU %.3f, peak RSS %.3f\n",
					p[0], p[1], m.wall/floor.wall, m.wallMin/floor.wallMin, m.cpu/floor.cpu, m.rssMB/floor.rssMB)
			}
		}
		fmt.Println()
	}
}

func load(dir, id string) (measurement, error) {
	data, err := os.ReadFile(filepath.Join(dir, id+".json"))
	if err != nil {
		return measurement{}, err
	}
	var doc struct{ Results []hyperfineResult }
	if err := json.Unmarshal(data, &doc); err != nil {
		return measurement{}, err
	}
	if len(doc.Results) != 1 {
		return measurement{}, fmt.Errorf("%d results, want 1", len(doc.Results))
	}
	r := doc.Results[0]
	m := measurement{wall: r.Median, wallSD: r.Stddev, wallMin: r.Min, cpu: r.User + r.System, runs: len(r.Times)}
	rss, err := readRSS(filepath.Join(dir, id+".rss"))
	if err != nil {
		return measurement{}, err
	}
	m.rssMB = median(rss) / 1024
	return m, nil
}

// readRSS reads the peak RSS in KiB that /usr/bin/time -f %M appended,
// one line per run.
func readRSS(path string) ([]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var kb []float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, err := strconv.ParseFloat(strings.TrimSpace(sc.Text()), 64); err == nil {
			kb = append(kb, v)
		}
	}
	if len(kb) == 0 {
		return nil, fmt.Errorf("no RSS in %s", path)
	}
	return kb, sc.Err()
}

func median(xs []float64) float64 {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
