// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mcuc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mcuc", targets: ["mcuc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "CTFLite",
            path: "Sources/CTFLite",
            cxxSettings: [.unsafeFlags(["-fno-exceptions", "-fno-rtti"])]
        ),
        .target(name: "IR"),
        .target(name: "TFLiteFrontend", dependencies: ["IR", "CTFLite"]),
        .target(name: "Reference", dependencies: ["IR"]),
        .target(name: "Scheduling", dependencies: ["IR"]),
        .target(name: "Lowering", dependencies: ["IR", "Scheduling"]),
        .target(name: "MemoryPlanning", dependencies: ["IR", "Scheduling", "Lowering"]),
        .target(
            name: "Driver",
            dependencies: ["IR", "TFLiteFrontend", "Reference", "Scheduling", "Lowering", "MemoryPlanning"]
        ),
        .executableTarget(
            name: "mcuc",
            dependencies: ["Driver", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "mcuc-bench", dependencies: ["Driver", "IR", "Reference", "TFLiteFrontend"]),
        .target(name: "TestSupport", dependencies: ["IR", "Driver"], path: "Tests/TestSupport"),
        .testTarget(name: "IRTests", dependencies: ["IR", "TestSupport"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference", "IR", "TFLiteFrontend", "Driver", "TestSupport"]),
        .testTarget(name: "TFLiteFrontendTests", dependencies: ["TFLiteFrontend", "IR", "Driver", "TestSupport"]),
        .testTarget(name: "DriverTests", dependencies: ["Driver", "IR", "TestSupport"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "IR", "TestSupport"]),
        .testTarget(name: "LoweringTests", dependencies: ["Lowering", "Scheduling", "IR", "TestSupport"]),
        .testTarget(
            name: "MemoryPlanningTests",
            dependencies: ["MemoryPlanning", "Lowering", "Scheduling", "IR", "Driver", "TestSupport"]
        ),
        .testTarget(name: "ArchitectureTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
