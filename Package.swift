// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Herald",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "herald", targets: ["herald"]),
    .library(name: "NewsKit", targets: ["NewsKit"]),
    .library(name: "LibraryKit", targets: ["LibraryKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // libxml2 for feeds (XML) and article bodies (HTML).
    .systemLibrary(
      name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // Terminal-free model, loaders and quote detection; a GUI or web front end could use it as is.
    .target(
      name: "NewsKit",
      dependencies: ["CLibXML2", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
    // The library: subscriptions, articles, read state, quotes and search in SQLite. The only
    // module that imports GRDB.
    .target(name: "LibraryKit", dependencies: ["NewsKit", .product(name: "GRDB", package: "GRDB.swift")]),
    // Files that ship beside the binary: the sample collection and the themes. Its path is the
    // package root so that `Samples/` and `themes/` stay at the top of the repo; every other
    // top-level entry is excluded here, and a new one must be added to the list.
    .target(
      name: "HeraldAssets",
      path: ".",
      exclude: [
        "Sources/NewsKit", "Sources/LibraryKit", "Sources/CNcurses", "Sources/CLibXML2", "Sources/CursesUI", "Sources/herald", "Tests", "Benchmarks", "Fuzz",
        "scripts", "README.md", "DECISIONS.md", "ARCHITECTURE.md", "docs",
      ],
      sources: ["Sources/HeraldAssets"],
      resources: [.copy("Samples"), .copy("themes")]
    ),
    // ncursesw, through a shim header for what Swift cannot import (macros, globals).
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses", providers: [.apt(["libncurses-dev"])]),
    // The reader: views draw into a cell grid; a small ncurses backend shows it.
    .target(name: "CursesUI", dependencies: ["NewsKit", "CNcurses", .product(name: "TOMLKit", package: "TOMLKit")]),
    .executableTarget(
      name: "herald",
      dependencies: [
        "NewsKit",
        "LibraryKit",
        "CursesUI",
        "HeraldAssets",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: [
        // A release binary loads less (see DECISIONS.md, "The reader's memory, seventh pass"):
        // lld packs its relative relocations (DT_RELR: 2.8 MiB of .rela.dyn, read whole at
        // start, becomes 23 KiB) and exports no symbols (the dynamic symbol table, searched at
        // start, was 2.7 MiB). Built with `--static-swift-stdlib`, as the README says.
        .unsafeFlags(
          ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
          .when(platforms: [.linux], configuration: .release))
      ]
    ),
    // Prints the time per key of the reader's update and render: `swift run -c release reader-bench`.
    .executableTarget(name: "reader-bench", dependencies: ["CursesUI", "NewsKit"], path: "Benchmarks/ReaderBench"),
    // Prints feed parsing speed in MB/s and peak memory: `swift run -c release feed-bench FEED`.
    .executableTarget(name: "feed-bench", dependencies: ["NewsKit"], path: "Benchmarks/FeedBench"),
    // What the test targets start: local HTTP servers (each with its own Python script), a
    // stand-in browser.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "NewsKitTests", dependencies: ["NewsKit", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "LibraryKitTests", dependencies: ["LibraryKit", "NewsKit", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "CursesUITests", dependencies: ["CursesUI", "NewsKit", "HeraldAssets", "TestSupport"], exclude: ["Snapshots"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "HeraldCommandTests", dependencies: ["herald", "NewsKit", "TestSupport"], resources: [.copy("Fixtures")]),
  ],
  swiftLanguageModes: [.v6]
)

// The fuzz targets (scripts/fuzz.sh): libFuzzer supplies `main`, so the target exists only
// when that script builds it with -sanitize=fuzzer; `swift build` and `swift test` never see it.
if Context.environment["HERALD_FUZZ_BUILD"] == "1" {
  package.targets += [
    .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
    .executableTarget(
      name: "herald-fuzz", dependencies: ["NewsKit", "CursesUI", "CFuzzDriver"], path: "Fuzz/HeraldFuzz",
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
}
