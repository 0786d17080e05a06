// Package version names this build of Async With Lab. The release builds
// set it from git (make release, make dist):
//
//	go build -ldflags "-X asyncwithlab/version.Version=v0.3.0" .
//
// A build made without it is a developer's, named "dev". About shows it,
// -version prints it, submission codes carry it, and the offline web
// app's cache is named after it.
package version

// Version is the build's version, such as "v0.3.0" or
// "v0.3.0-4-g1a2b3c4"; "dev" when not set.
var Version = "dev"
