import Foundation
import Templates
import Testing
import TestSupport

/// `EmbeddedTemplates` (generated at build time by the EmbedFolders plugin) is `Templates/` byte for
/// byte, every file and nothing else, so an installed binary carries exactly the reviewed C.
@Suite struct EmbeddedTemplatesTests {
    static var templatesDirectory: URL { SharedModels.repositoryRoot.appendingPathComponent("Templates") }

    @Test func everyFileOfTemplatesIsEmbeddedUnchanged() throws {
        let root = Self.templatesDirectory
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles]) else {
            Issue.record("Templates/ not found")
            return
        }
        var onDisk: [String: String] = [:]
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
            && url.pathExtension != "swift" {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedTemplates.files.map { ($0.path, $0.text) })
        #expect(Set(onDisk.keys) == Set(embedded.keys))
        #expect(EmbeddedTemplates.files.map(\.path) == EmbeddedTemplates.files.map(\.path).sorted())
        for (path, text) in onDisk {
            #expect(embedded[path] == text, "\(path) differs from its embedded copy")
        }
    }

    @Test func everyMustacheTemplateDeclaresTextContent() {
        for (path, text) in EmbeddedTemplates.files where path.hasSuffix(".mustache") {
            #expect(text.hasPrefix("{{% CONTENT_TYPE: TEXT}}\n"), "\(path) must start with the TEXT pragma")
        }
    }
}
