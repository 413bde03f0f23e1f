/// The layout of a memory plan drawing, decided before anything is drawn: x = schedule step,
/// y = arena offset (0 at the bottom), one box per buffer, the arena end, the lower bound and the
/// SRAM budget as horizontal levels. `PlanSVG` only renders it.
struct MemoryChart: Sendable {
    /// What a box stands for (drives its colour and the legend).
    enum Kind: String, Sendable, CaseIterable {
        case input, output, activation, scratch
    }

    /// One buffer's box in plot coordinates, with the text drawn inside it.
    struct Box: Sendable {
        var kind: Kind
        /// Index among boxes of its kind (alternating shades for neighbours).
        var shade: Int
        var frame: ChartRect
        /// Where its text goes: the largest part of the frame no other box covers.
        var labelArea: ChartRect
        /// Shown in `labelArea` (empty when nothing fits), and whether it runs bottom-to-top.
        var lines: [String]
        var vertical: Bool
        /// Hover text with every detail.
        var tooltip: String

        /// The rectangle the label's text covers.
        var textExtent: ChartRect {
            let long = Double(lines.map(\.count).max() ?? 0) * MemoryChart.charWidth + 6
            let deep = Double(lines.count) * MemoryChart.lineHeight + 3
            return vertical ? ChartRect(x: labelArea.x, y: labelArea.y + labelArea.height - long, width: deep, height: long)
                : ChartRect(x: labelArea.x, y: labelArea.y, width: long, height: deep)
        }
    }

    /// A horizontal line across the plot.
    struct Level: Sendable {
        enum Kind: String, Sendable { case arena, lowerBound, budget, region }
        var kind: Kind
        var bytes: Int
        var y: Double
        var label: String
    }

    /// One legend entry on the row under the subtitle: a swatch and its text at `x`.
    struct LegendItem: Sendable {
        enum Swatch: Sendable { case box(Kind), line(Level.Kind), warning }
        var swatch: Swatch
        var x: Double
        var text: String
    }

    /// An x-axis label under the column of one step.
    struct StepLabel: Sendable {
        var x: Double
        var text: String
    }

    var title: String
    var subtitle: String
    /// Outer size and the plot rectangle.
    var width, height: Double
    var plotX, plotY, plotWidth, plotHeight: Double
    var scale: ChartScale
    var yTicks: [(y: Double, label: String)]
    var stepLabels: [StepLabel]
    var columnWidth: Double
    var boxes: [Box]
    var levels: [Level]
    /// Lines above the plot top that are listed in the legend instead (the budget, when far above).
    var offScale: [String]
    var legend: [LegendItem]
}

extension MemoryChart {
    /// What the chart is drawn from (a `PlanReport` and a budget, or one region of it).
    struct Input: Sendable {
        var title: String
        var subtitle: String
        /// TFLite op name of every step, in step order.
        var opNames: [String]
        var buffers: [PlanReport.Buffer]
        var arenaBytes: Int
        var lowerBoundBytes: Int
        /// SRAM the model may use; nil when no budget applies.
        var budgetBytes: Int?
        var budgetLabel: String = "SRAM budget"
        /// Steps of the patch stage (drawn as a band), 0 without one.
        var patchSteps: Int = 0
        var patchLabel: String = ""
        /// Where each memory region after the first starts in the drawing, with its label.
        var regionBoundaries: [(bytes: Int, label: String)] = []
    }

    static let plotHeight = 430.0, leftMargin = 84.0, rightMargin = 28.0, topMargin = 92.0
    static let maxColumn = 80.0, minColumn = 16.0, preferredPlotWidth = 980.0, minimumPlotWidth = 760.0

    /// The layout for `input`: the scale and levels first, then the legend, then a plot wide
    /// enough for the steps, the legend and the title, then the boxes.
    init(_ input: Input) {
        let steps = max(input.opNames.count, 1)
        let highest = max(input.arenaBytes, input.lowerBoundBytes, 1)
        let budgetShown = input.budgetBytes.map { $0 <= highest + highest / 2 } ?? false
        let top = budgetShown ? max(highest, input.budgetBytes!) : highest
        scale = ChartScale(covering: top + top / 40)
        let labels = Self.stepTexts(input.opNames)
        (plotX, plotY, plotHeight) = (Self.leftMargin, Self.topMargin, Self.plotHeight)
        (title, subtitle) = (input.title, input.subtitle)
        (width, height, plotWidth, columnWidth) = (0, 0, 0, 0)
        (yTicks, stepLabels, boxes, levels, offScale, legend) = ([], [], [], [], [], [])
        addLevels(input, budgetShown: budgetShown)
        layOutLegend()
        let column = min(Self.maxColumn, max(Self.minColumn, Self.preferredPlotWidth / Double(steps)))
        let legendEnd = legend.last.map { $0.x + Self.textWidth($0.text) } ?? 0
        let titleWidth = max(Double(title.count) * 9.2, Self.textWidth(subtitle))
        plotWidth = max(column * Double(steps), Self.minimumPlotWidth, legendEnd - plotX, titleWidth)
        columnWidth = plotWidth / Double(steps)
        width = plotX + plotWidth + Self.rightMargin
        height = plotY + plotHeight + 46 + Double(min(labels.map(\.count).max() ?? 0, 24)) * 5.2
        yTicks = scale.values.map { (y(Double($0)), scale.label($0)) }
        stepLabels = Self.every(steps: steps, column: columnWidth).map {
            StepLabel(x: plotX + (Double($0) + 0.5) * columnWidth, text: labels[$0])
        }
        boxes = Self.boxes(input.buffers, chart: self)
    }

    /// Width of `text` in the 11 px legend font.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.4 }

    /// Buffer kinds, then levels, then off-scale notes, left to right from the plot's left edge.
    mutating func layOutLegend() {
        var x = plotX
        for kind in Kind.allCases {
            legend.append(LegendItem(swatch: .box(kind), x: x, text: kind.rawValue))
            x += 32 + Self.textWidth(kind.rawValue)
        }
        for level in levels {
            legend.append(LegendItem(swatch: .line(level.kind), x: x, text: level.label))
            x += 44 + Self.textWidth(level.label)
        }
        for note in offScale {
            legend.append(LegendItem(swatch: .warning, x: x, text: "▲ " + note))
            x += 20 + Self.textWidth(note)
        }
    }

    /// The plot y of `bytes` (0 at the bottom edge).
    func y(_ bytes: Double) -> Double { plotY + plotHeight - bytes / Double(scale.top) * plotHeight }

    /// The x of the left edge of `step`'s column.
    func x(step: Int) -> Double { plotX + Double(step) * columnWidth }

    /// `12 CONV_2D` for every step.
    static func stepTexts(_ opNames: [String]) -> [String] {
        opNames.enumerated().map { "\($0.offset) \($0.element)" }
    }

    /// Steps that get an axis label: all of them when columns are wide enough, else every k-th.
    static func every(steps: Int, column: Double) -> [Int] {
        let stride = max(1, Int((13.0 / column).rounded(.up)))
        return Array(Swift.stride(from: 0, to: steps, by: stride))
    }

    mutating func addLevels(_ input: Input, budgetShown: Bool) {
        levels.append(Level(kind: .arena, bytes: input.arenaBytes, y: y(Double(input.arenaBytes)),
                            label: "arena \(Grouped.text(input.arenaBytes)) B"))
        if input.lowerBoundBytes != input.arenaBytes {
            levels.append(Level(kind: .lowerBound, bytes: input.lowerBoundBytes, y: y(Double(input.lowerBoundBytes)),
                                label: "lower bound \(Grouped.text(input.lowerBoundBytes)) B"))
        }
        for boundary in input.regionBoundaries {
            levels.append(Level(kind: .region, bytes: boundary.bytes, y: y(Double(boundary.bytes)), label: boundary.label))
        }
        guard let budget = input.budgetBytes else { return }
        let text = "\(input.budgetLabel) \(Grouped.text(budget)) B"
        if budgetShown {
            levels.append(Level(kind: .budget, bytes: budget, y: y(Double(budget)), label: text))
        } else {
            offScale.append("\(text) (off scale, \(ratio(budget, input.arenaBytes)) the arena)")
        }
    }

    /// `16.7x` (one decimal below 100, `19,456x` above).
    func ratio(_ a: Int, _ b: Int) -> String {
        let tenths = b > 0 ? (a * 10 + b / 2) / b : 0
        return tenths >= 1000 ? "\(Grouped.text(tenths / 10))x" : "\(tenths / 10).\(tenths % 10)x"
    }
}
