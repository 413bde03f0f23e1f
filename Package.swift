// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "mcuc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mcuc", targets: ["mcuc"]),
    ],
    // Exact versions, so every build of mcuc uses the same dependency code (neither package has
    // dependencies of its own). Package.resolved stays git-ignored: it records commit ids, and the
    // development machines resolve these URLs through a local mirror whose ids differ from the
    // public repositories', so a committed file would name commits that one side does not have.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .target(
            name: "CTFLite",
            path: "Sources/CTFLite",
            cxxSettings: [.unsafeFlags(["-fno-exceptions", "-fno-rtti"])]
        ),
        .target(name: "IR"),
        .target(name: "TFLiteFrontend", dependencies: ["IR", "CTFLite"]),
        .target(name: "GraphPasses", dependencies: ["IR"]),
        .target(name: "Reference", dependencies: ["IR"]),
        .target(name: "Scheduling", dependencies: ["IR"]),
        .target(name: "Lowering", dependencies: ["IR", "Scheduling"]),
        .target(name: "MemoryPlanning", dependencies: ["IR", "Scheduling", "Lowering"]),
        // Templates/ and targets/ are compiled into the binary at build time (Plugins/EmbedFolders);
        // each folder is its module's path, so SwiftPM notices files added to it.
        .target(name: "Templates", path: "Templates", sources: ["EmbeddedTemplates.swift"], plugins: ["EmbedFolders"]),
        .target(name: "Targets", path: "targets", sources: ["EmbeddedTargets.swift"], plugins: ["EmbedFolders"]),
        .target(
            name: "CodeGen",
            dependencies: ["IR", "Scheduling", "Lowering", "MemoryPlanning", "Templates",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "Simulator", dependencies: ["IR", "CodeGen", "Reference", "Scheduling", "Lowering", "MemoryPlanning"]),
        .target(
            name: "Driver",
            dependencies: ["IR", "TFLiteFrontend", "GraphPasses", "Reference", "Scheduling", "Lowering", "MemoryPlanning",
                           "CodeGen", "Simulator", "Targets"]
        ),
        .executableTarget(
            name: "mcuc",
            dependencies: ["Driver", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "EmbedFiles"),
        .plugin(name: "EmbedFolders", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        .executableTarget(name: "mcuc-bench", dependencies: ["Driver", "IR", "Reference", "TFLiteFrontend"]),
        .target(name: "TestSupport", dependencies: ["IR", "Reference", "Driver"], path: "Tests/TestSupport"),
        .testTarget(name: "IRTests", dependencies: ["IR", "TestSupport"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference", "IR", "TFLiteFrontend", "Driver", "TestSupport"]),
        .testTarget(name: "TFLiteFrontendTests", dependencies: ["TFLiteFrontend", "IR", "Driver", "TestSupport"]),
        .testTarget(name: "DriverTests", dependencies: ["Driver", "IR", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "GraphPassesTests", dependencies: ["GraphPasses", "IR", "TestSupport"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "IR", "Reference", "TestSupport"]),
        .testTarget(name: "LoweringTests", dependencies: ["Lowering", "Scheduling", "IR", "TestSupport"]),
        .testTarget(
            name: "MemoryPlanningTests",
            dependencies: ["MemoryPlanning", "Lowering", "Scheduling", "IR", "Driver", "TestSupport"]
        ),
        .testTarget(name: "CodeGenTests", dependencies: ["CodeGen", "Templates", "Driver", "Lowering", "IR", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "CodeGen", "Reference", "Driver", "IR", "Scheduling",
                                                          "TestSupport"],
                    exclude: ["Firmware"]),
        .testTarget(name: "ArchitectureTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
