import Foundation
import Templates
import Testing
import TestSupport

/// `Sources/Templates/EmbeddedTemplates.swift` is `Templates/` byte for byte (regenerate with
/// scripts/embed-templates.sh), so an installed binary carries exactly the reviewed C.
@Suite struct EmbeddedTemplatesTests {
    static var templatesDirectory: URL { SharedModels.repositoryRoot.appendingPathComponent("Templates") }

    @Test func everyFileOfTemplatesIsEmbeddedUnchanged() throws {
        let root = Self.templatesDirectory
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            Issue.record("Templates/ not found")
            return
        }
        var onDisk: [String: String] = [:]
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedTemplates.files.map { ($0.path, $0.text) })
        #expect(Set(onDisk.keys) == Set(embedded.keys), "run scripts/embed-templates.sh")
        for (path, text) in onDisk {
            #expect(embedded[path] == text, "\(path) differs from its embedded copy: run scripts/embed-templates.sh")
        }
    }

    @Test func everyMustacheTemplateDeclaresTextContent() {
        for (path, text) in EmbeddedTemplates.files where path.hasSuffix(".mustache") {
            #expect(text.hasPrefix("{{% CONTENT_TYPE: TEXT}}\n"), "\(path) must start with the TEXT pragma")
        }
    }
}
