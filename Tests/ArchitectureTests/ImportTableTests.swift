import Foundation
import Testing

/// Enforces the module layering of README's "How it works" table: each module imports only the
/// modules its row lists.
@Suite struct ImportTableTests {
    /// Project modules each module may import: README's "Modules and what each may import" table,
    /// rows `| \`Module\` | what it does | \`IR\`, \`Scheduling\` |`.
    static let allowedProjectImports: [String: Set<String>] = {
        let readme = (try? String(contentsOf: sourcesDirectory.deletingLastPathComponent().appendingPathComponent("README.md"),
                                  encoding: .utf8)) ?? ""
        guard let heading = readme.range(of: "**Modules and what each may import**") else { return [:] }
        var table: [String: Set<String>] = [:]
        for line in readme[heading.upperBound...].split(separator: "\n").drop(while: { !$0.hasPrefix("|") })
            .prefix(while: { $0.hasPrefix("|") }) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 5, cells[1].hasPrefix("`") else { continue }
            let names = { (cell: String) in cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) } }
            table[names(cells[1])[0]] = Set(names(cells[3]).filter { !$0.isEmpty })
        }
        return table
    }()

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
            #expect(Self.allowedProjectImports[module] != nil, "module \(module) is not in README's table")
        }
        let known = Set(modules).union(Self.modulePaths.keys)
        for (module, imports) in Self.allowedProjectImports {
            #expect(known.contains(module), "README's table lists \(module), which is not a module")
            #expect(imports.isSubset(of: known), "\(module) may import \(imports.subtracting(known)), which is not a module")
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
