/// The report's style sheet: system fonts only (the page loads nothing), print-friendly.
enum ReportStyle {
    static let css: StaticString = """
    :root { --ink:#111827; --muted:#4b5563; --line:#e5e7eb; --head:#f3f4f6; --accent:#2f5597;
            --good:#1f7a3a; --bad:#b91c1c; --bar:#9dc3e6; --bar2:#f8cbad; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
           font: 14px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
    main { max-width: 1240px; margin: 0 auto; padding: 28px 32px 48px; }
    header.top { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 8px; }
    header.top h1 { font-size: 24px; margin: 0 0 4px; }
    header.top p { margin: 0; color: var(--muted); }
    nav { margin: 10px 0 6px; font-size: 13px; }
    nav a { color: var(--accent); text-decoration: none; margin-right: 16px; }
    h2 { font-size: 18px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 15px; margin: 18px 0 8px; }
    p.note { color: var(--muted); font-size: 13px; margin: 6px 0 10px; max-width: 980px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: #fafafa; }
    .card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    .card .value { font-size: 21px; white-space: nowrap; font-weight: bold; font-variant-numeric: tabular-nums; }
    .card .detail { font-size: 12px; color: var(--muted); }
    .card.good { border-left: 4px solid var(--good); } .card.bad { border-left: 4px solid var(--bad); }
    table { border-collapse: collapse; font-size: 13px; margin: 6px 0 8px; }
    th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    th { background: var(--head); font-weight: 600; white-space: nowrap; position: sticky; top: 0; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
    td.name { max-width: 360px; overflow-wrap: anywhere; color: var(--muted); }
    tr:nth-child(even) td { background: #fbfbfc; }
    tr.total td { font-weight: bold; border-top: 2px solid #9ca3af; background: #fff; }
    tr.chosen td { background: #eef4fb; }
    td.meter { min-width: 118px; }
    .meter .track { display: inline-block; width: 52px; height: 9px; background: #eef0f3; border-radius: 2px;
                    vertical-align: middle; margin-right: 6px; overflow: hidden; }
    .meter .fill { display: block; height: 100%; background: var(--bar); }
    .meter .fill.weights { background: var(--bar2); }
    .meter .fill.over { background: var(--bad); }
    .verdict.fits { color: var(--good); font-weight: 600; } .verdict.nofit { color: var(--bad); font-weight: 600; }
    .scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
    .table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
    .table-scroll.tall { max-height: 560px; overflow: auto; }
    .table-scroll table { margin: 0; }
    details { margin: 10px 0; } summary { cursor: pointer; color: var(--accent); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; font-size: 13px; margin: 8px 0; }
    dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
    footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
    @media print { main { max-width: none; padding: 0; } .table-scroll { max-height: none; overflow: visible; }
                   th { position: static; } }
    """
}
