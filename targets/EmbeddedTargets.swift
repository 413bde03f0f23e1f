/// Every file of this folder (`*.json` device descriptions, the README), compiled into the binary
/// at build time by the EmbedFolders plugin (see Package.swift), so an installed `mcuc` needs no
/// files beside it.
///
/// `files` (generated) lists (path relative to `targets/`, exact text), sorted by path. This
/// Swift file is the module's only source and is not itself embedded.
public enum EmbeddedTargets {}
