// Package cosproxy stands for a third-party package (its path has a dot)
// in the import blocks of the fiximports fixtures.
package cosproxy

// Endpoint is a proxy's address.
const Endpoint = "https://proxy.example.com"
