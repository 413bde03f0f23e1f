import Foundation
import Testing

/// Enforces DESIGN.md's module import table: each module imports only the modules below it.
@Suite struct ImportTableTests {
    /// Project modules each module may import (DESIGN.md, "Modules").
    static let allowedProjectImports: [String: Set<String>] = [
        "CTFLite": [],
        "IR": [],
        "TFLiteFrontend": ["IR", "CTFLite"],
        "GraphPasses": ["IR"],
        "Scheduling": ["IR"],
        "Lowering": ["IR", "Scheduling"],
        "MemoryPlanning": ["IR", "Scheduling", "Lowering"],
        "Reference": ["IR"],
        "Templates": [],
        "Targets": [],
        "EmbedFiles": [],
        "CodeGen": ["IR", "Scheduling", "Lowering", "MemoryPlanning", "Templates"],
        "Simulator": ["IR", "CodeGen", "Reference", "Scheduling", "Lowering", "MemoryPlanning"],
        "Driver": ["IR", "CTFLite", "TFLiteFrontend", "GraphPasses", "Scheduling", "Lowering",
                   "MemoryPlanning", "Reference", "CodeGen", "Simulator", "Targets"],
        "mcuc": ["Driver"],
        "mcuc-bench": ["IR", "TFLiteFrontend", "Scheduling", "Lowering", "MemoryPlanning", "Reference",
                       "CodeGen", "Simulator", "Driver"],
    ]

    /// Modules that may use Foundation (file and process I/O live only there, plus JSON in Driver).
    static let foundationAllowed: Set<String> = ["EmbedFiles", "TFLiteFrontend", "Driver", "Simulator", "mcuc", "mcuc-bench", "CodeGen"]

    /// Third-party modules each project module may use.
    static let allowedExternal: [String: Set<String>] = [
        "mcuc": ["ArgumentParser"],
        "CodeGen": ["Mustache"],
    ]

    /// Modules whose folder is not `Sources/<name>` (data folders compiled in by the EmbedFolders plugin).
    static let modulePaths: [String: String] = ["Templates": "Templates", "Targets": "targets"]

    static var sourcesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    static func imports(ofModule module: String) throws -> [(file: String, module: String)] {
        let dir = modulePaths[module].map { sourcesDirectory.deletingLastPathComponent().appendingPathComponent($0) }
            ?? sourcesDirectory.appendingPathComponent(module)
        guard let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        var result: [(String, String)] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.first == "import", words.count >= 2 else { continue }
                result.append((url.lastPathComponent, String(words[1])))
            }
        }
        return result
    }

    @Test func everyModuleIsInTheTable() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sourcesDirectory.path)
        for module in modules where !module.hasPrefix(".") {
            #expect(Self.allowedProjectImports[module] != nil, "module \(module) is not in DESIGN.md's table")
        }
    }

    @Test(arguments: Array(allowedProjectImports.keys).sorted())
    func importsFollowTheTable(module: String) throws {
        let projectModules = Set(Self.allowedProjectImports.keys)
        for (file, imported) in try Self.imports(ofModule: module) {
            if projectModules.contains(imported) {
                #expect(Self.allowedProjectImports[module]!.contains(imported), "\(module)/\(file) imports \(imported)")
            } else if imported == "Foundation" || imported == "FoundationEssentials" {
                #expect(Self.foundationAllowed.contains(module), "\(module)/\(file) imports Foundation")
            } else {
                let allowed = Self.allowedExternal[module, default: []].union(["Testing", "Glibc", "Darwin"])
                #expect(allowed.contains(imported), "\(module)/\(file) imports \(imported)")
            }
        }
    }

    /// Reproducible builds: every dependency is pinned to one exact version in Package.swift
    /// (Package.resolved is not committed; see the comment there).
    @Test func dependenciesArePinnedExactly() throws {
        let manifest = try String(contentsOf: Self.sourcesDirectory.deletingLastPathComponent()
            .appendingPathComponent("Package.swift"), encoding: .utf8)
        let packages = manifest.split(separator: "\n").filter { $0.contains(".package(url:") }
        #expect(!packages.isEmpty)
        for line in packages { #expect(line.contains("exact: \""), "\(line)") }
    }
}
