import Driver
import IR
import Testing

/// How `--core` and `--target` choose the emulated core and the target the model is planned for.
@Suite struct QemuTargetingTests {
    static let board = TargetCatalog.builtin[0]

    @Test(arguments: QemuCore.allCases)
    func aCoreAloneGivesThePlanTheCoresFeatures(_ core: QemuCore) throws {
        let platform = try QemuTargeting.platform(core: core, target: Self.board, targetGiven: false)
        let planned = QemuTargeting.planningTarget(Self.board, on: platform)
        #expect(platform.core == core)
        #expect(planned.features.mve == (core == .m55))
        #expect(planned.features.dsp == ![QemuCore.m0, .m3].contains(core))
        #expect(planned.sramBytes == Self.board.sramBytes && planned.name == Self.board.name)
    }

    @Test func aTargetAloneKeepsItsCore() throws {
        for target in TargetCatalog.builtin {
            let platform = try QemuTargeting.platform(core: nil, target: target, targetGiven: true)
            #expect(QemuTargeting.planningTarget(target, on: platform) == target, "\(target.name)")
        }
    }

    @Test func aCoreThatContradictsTheTargetIsAUsageError() {
        let m55 = TargetCatalog.builtin.first { $0.core == .cortexM55 }
        #expect(m55 != nil)
        if let m55 {
            #expect(throws: UsageError.self) { try QemuTargeting.platform(core: .m4, target: m55, targetGiven: true) }
        }
    }
}
