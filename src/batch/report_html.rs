//! The page of `wengang screen --report FILE.html`: one self-contained,
//! printable page from a [`Summary`] and the run's [`Stats`].
//!
//! No script, no request: the style is inline and allowed by its hash in
//! a strict Content-Security-Policy, the charts are inline SVG (presentation
//! attributes and classes only, no `style` attribute), each with a
//! `<title>`, a description and its data in a table below. A4 print CSS.
//! Every word comes from [`crate::messages::report`].

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::html::{escape, style_hash};
use rust_decimal::Decimal;

use super::summary::{bin_start, Summary, Tally, BINS, BINS_EACH_SIDE, TOP};
use super::Stats;
use crate::division::Place;
use crate::messages::fields::label as field_label;
use crate::messages::report::{self as text, Words};
use crate::messages::summary::group_thousands;
use crate::text::Lang;

/// Districts listed one by one; the rest are summed in one row.
const MAX_DISTRICT_ROWS: usize = 200;
/// Issues in the chart.
const TOP_ISSUES: usize = 10;

const STYLE: &str = "\
@page { size: A4; margin: 14mm 12mm; }
:root { color-scheme: light; }
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Zen Hei', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto; padding: 8mm 6mm; max-width: 186mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1pt solid #1a1a1a; break-after: avoid; }
h3 { font-size: 11pt; margin: 3mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.meta { color: #444; margin-bottom: 4mm; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th, td { border-bottom: 0.5pt solid #aaa; padding: 0.7mm 2mm; text-align: left; vertical-align: top; }
thead th { border-bottom: 1pt solid #1a1a1a; }
tfoot th, tfoot td { border-top: 1pt solid #1a1a1a; font-weight: bold; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.code { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; overflow-wrap: anywhere; }
.cc { white-space: nowrap; overflow-wrap: normal; }
.key th { font-weight: bold; }
.sub th { padding-left: 6mm; }
figure { margin: 0 0 2mm; break-inside: avoid; }
svg { display: block; width: 100%; height: auto; }
svg text { fill: #1a1a1a; font-size: 11px; }
svg .small { font-size: 10px; }
svg .axis { stroke: #1a1a1a; stroke-width: 1; }
svg .grid { stroke: #d5d5d5; stroke-width: 1; }
svg .line { stroke: #1a1a1a; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .below, .swatch.below { fill: #2f6690; background: #2f6690; }
svg .above, .swatch.above { fill: #b3471b; background: #b3471b; }
svg .bar { fill: #2f6690; }
.callout { border-left: 3pt solid #b3471b; background: #fbeee7; padding: 2mm 3mm; margin: 0 0 3mm; }
.data { font-size: 9.5pt; }
.hist { columns: 2; column-gap: 6mm; }
.hist table { break-inside: avoid; }
footer { margin-top: 8mm; color: #444; font-size: 9pt; }
@media print {
  body { padding: 0; max-width: none; }
  thead { display: table-header-group; }
  tr, figure, .callout { break-inside: avoid; }
  .callout, svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";

/// The page, in `lang`, for the rows read from `input`; `stopped` says why
/// a run that stopped before the end of its input did (a banner at the
/// top: the figures cover only the rows before it).
pub fn render(
    summary: &Summary,
    stats: &Stats,
    input: &str,
    lang: Lang,
    stopped: Option<&str>,
) -> String {
    let w = text::words(lang);
    let hash = style_hash(STYLE);
    let mut out = String::with_capacity(64 << 10);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang_tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'sha256-{hash}'; img-src 'none'; font-src 'none'; base-uri 'none'; \
         form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p class=\"meta\">{input_word}{colon}<span class=\"code\">{input}</span>\
         {gap}{engine}{colon}{version}</p>\n",
        lang_tag = w.html_lang,
        title = w.title,
        input_word = w.input,
        input = escape(input),
        engine = w.engine,
        version = crate::receipt::ENGINE_VERSION,
        colon = if lang == Lang::Zh { "：" } else { ": " },
        gap = if lang == Lang::Zh { "　" } else { " · " },
    );
    if let Some(reason) = stopped {
        let _ = writeln!(
            out,
            "<p class=\"callout\" id=\"incomplete\" role=\"alert\"><strong>{}</strong> \
             <span class=\"code\">{}</span></p>",
            w.incomplete,
            escape(reason)
        );
    }
    totals(&mut out, summary, stats, w);
    histogram(&mut out, summary, w, lang);
    issues(&mut out, summary, w, lang);
    top(&mut out, summary, w, lang);
    divisions(&mut out, summary, w, lang);
    let _ = write!(
        out,
        "</main>\n<footer><p>{}</p></footer>\n</body>\n</html>\n",
        w.footer
    );
    out
}

fn count(n: u64) -> String {
    group_thousands(&n.to_string())
}

fn yuan(d: Decimal) -> String {
    group_thousands(&format!("{:.2}", d.round_dp(2)))
}

fn totals(out: &mut String, s: &Summary, stats: &Stats, w: &Words) {
    let valid = stats.eligible + stats.not_eligible + stats.undecided;
    let rows: [(&str, &str, u64, &str); 9] = [
        ("rows", w.rows, stats.rows, "key"),
        ("valid", w.valid, valid, ""),
        ("eligible", w.eligible, stats.eligible, "sub"),
        (
            "government_review",
            w.to_review,
            stats.government_review,
            "sub",
        ),
        ("not_eligible", w.not_eligible, stats.not_eligible, "sub"),
        ("undecided", w.undecided, stats.undecided, "sub"),
        ("invalid", w.invalid, stats.invalid, ""),
        ("rejected", w.rejected, stats.rejected, ""),
        ("duplicates", w.duplicates, stats.duplicates, ""),
    ];
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-totals\">\n<h2 id=\"h-totals\">{}</h2>\n<div class=\"pair\">\n\
         <table id=\"totals\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        w.totals, w.figure, w.count
    );
    for (key, label, n, class) in rows {
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><th scope=\"row\">{label}</th>\
             <td class=\"num\" data-figure=\"{key}\" data-value=\"{n}\">{}</td></tr>",
            count(n)
        );
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th><td class=\"num\" data-figure=\"refund_total\" \
         data-value=\"{}\">{}</td></tr></tfoot>\n</table>\n<div>\n",
        w.refund_total,
        stats.refund_total,
        yuan(stats.refund_total)
    );
    split_table(
        out,
        "by-route",
        w.by_route,
        w.route,
        &[
            ("standard", w.route_standard, &s.standard),
            ("government_review", w.route_review, &s.government_review),
        ],
        w,
    );
    let mut classes = vec![
        ("large", w.class_large, &s.large),
        ("sme", w.class_sme, &s.sme),
    ];
    if s.no_class.eligible > 0 {
        classes.push(("none", w.class_none, &s.no_class));
    }
    split_table(out, "by-class", w.by_class, w.class, &classes, w);
    out.push_str("</div>\n</div>\n</section>\n");
}

/// A small table of eligible counts and refunds by one key, with a total.
fn split_table(
    out: &mut String,
    id: &str,
    caption: &str,
    head: &str,
    rows: &[(&str, &str, &Tally)],
    w: &Words,
) {
    let _ = write!(
        out,
        "<table id=\"{id}\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{head}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        w.enterprises, w.refund
    );
    let mut sum = Tally::default();
    for (key, label, t) in rows {
        sum.add(t);
        let _ = writeln!(
            out,
            "<tr data-key=\"{key}\"><th scope=\"row\">{label}</th><td class=\"num\" data-value=\"{}\">{}</td>\
             <td class=\"num\" data-value=\"{}\">{}</td></tr>",
            t.eligible,
            count(t.eligible),
            t.refund,
            yuan(t.refund)
        );
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr></tfoot>\n</table>\n",
        w.total,
        count(sum.eligible),
        yuan(sum.refund)
    );
}

/// The label of a histogram bin: `<−10`, `−3`, `0`, `≥10`.
fn bin_label(bin: usize) -> String {
    match bin_start(bin) {
        None => format!("<−{BINS_EACH_SIDE}"),
        Some(n) if n >= BINS_EACH_SIDE => format!("≥{n}"),
        Some(n) if n < 0 => format!("−{}", n.unsigned_abs()),
        Some(n) => n.to_string(),
    }
}

/// The range a bin covers, for the data table.
fn bin_range(bin: usize) -> String {
    let minus = |n: i64| {
        if n < 0 {
            format!("−{}", n.unsigned_abs())
        } else {
            n.to_string()
        }
    };
    match bin_start(bin) {
        None => format!("< −{BINS_EACH_SIDE}"),
        Some(n) if n >= BINS_EACH_SIDE => format!("≥ {n}"),
        Some(n) => format!("[{}, {})", minus(n), minus(n + 1)),
    }
}

/// A round step for about `parts` gridlines up to `max`.
fn nice_step(max: u64, parts: u64) -> u64 {
    let rough = max.div_ceil(parts.max(1)).max(1);
    let mut power = 1u64;
    while power.saturating_mul(10) <= rough {
        power = power.saturating_mul(10);
    }
    for m in [1u64, 2, 5, 10] {
        let step = power.saturating_mul(m);
        if step >= rough {
            return step;
        }
    }
    power.saturating_mul(10)
}

/// `value / max` of `length`, as a number for SVG.
fn scale(value: u64, max: u64, length: f64) -> f64 {
    if max == 0 {
        0.0
    } else {
        value as f64 / max as f64 * length
    }
}

fn histogram(out: &mut String, s: &Summary, w: &Words, lang: Lang) {
    let placed = s.placed_against_threshold();
    let near = count(s.near_miss);
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-histogram\">\n<h2 id=\"h-histogram\">{}</h2>\n\
         <p class=\"callout\" id=\"near-miss\" data-value=\"{}\">{}</p>\n",
        w.histogram,
        s.near_miss,
        escape(&text::near_miss(&near, lang))
    );
    let (width, height) = (720.0, 300.0);
    let (left, right, top, bottom) = (58.0, 12.0, 34.0, 58.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let slot = plot_w / BINS as f64;
    let max = s.histogram.iter().copied().max().unwrap_or(0);
    let step = nice_step(max, 4);
    let axis_max = max.div_ceil(step).max(1).saturating_mul(step);
    let _ = write!(
        out,
        "<figure>\n<svg id=\"chart-histogram\" role=\"img\" aria-labelledby=\"histogram-title histogram-desc\" \
         viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"histogram-title\">{}</title>\n<desc id=\"histogram-desc\">{}</desc>\n",
        w.histogram,
        escape(&text::histogram_label(&count(placed), &near, lang))
    );
    let mut tick = 0;
    while tick <= axis_max {
        let y = top + plot_h - scale(tick, axis_max, plot_h);
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" class=\"small\">{}</text>",
            width - right,
            left - 6.0,
            y + 3.5,
            count(tick)
        );
        tick = match tick.checked_add(step) {
            Some(t) => t,
            None => break,
        };
    }
    for (bin, n) in s.histogram.iter().enumerate() {
        let x = left + slot * bin as f64;
        let h = scale(*n, axis_max, plot_h);
        let class = if bin_start(bin).is_some_and(|b| b >= 0) {
            "above"
        } else {
            "below"
        };
        let _ = write!(
            out,
            "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"/>",
            x + slot * 0.1,
            top + plot_h - h,
            slot * 0.8
        );
        if *n > 0 {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"small\">{}</text>",
                x + slot / 2.0,
                top + plot_h - h - 3.0,
                compact(*n)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"small\">{}</text>",
            x + slot / 2.0,
            top + plot_h + 14.0,
            bin_label(bin)
        );
    }
    let zero = left + slot * (BINS_EACH_SIDE as f64 + 1.0);
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{left}\" x2=\"{}\" y1=\"{bottom_y}\" y2=\"{bottom_y}\"/>\n\
         <line class=\"line\" x1=\"{zero:.1}\" x2=\"{zero:.1}\" y1=\"{}\" y2=\"{bottom_y}\"/>\n\
         <text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n\
         <rect class=\"below\" x=\"{left}\" y=\"6\" width=\"12\" height=\"12\"/>\
         <text x=\"{}\" y=\"16\">{}</text>\n\
         <rect class=\"above\" x=\"{}\" y=\"6\" width=\"12\" height=\"12\"/>\
         <text x=\"{}\" y=\"16\">{}</text>\n</svg>\n</figure>\n",
        width - right,
        top - 4.0,
        left + plot_w / 2.0,
        height - 8.0,
        w.histogram_axis,
        left + 16.0,
        w.below,
        left + 200.0,
        left + 216.0,
        w.above,
        bottom_y = top + plot_h,
    );
    let _ = write!(
        out,
        "<p>{}</p>\n<div class=\"hist\">\n",
        escape(&text::histogram_note(&count(placed), lang))
    );
    // The data in two tables side by side (below / above the threshold).
    let halves = [
        0..=BINS_EACH_SIDE as usize,
        BINS_EACH_SIDE as usize + 1..=BINS - 1,
    ];
    for (i, half) in halves.into_iter().enumerate() {
        let _ = write!(
            out,
            "<table class=\"data\" id=\"histogram-data-{i}\">\n<caption>{} — {}</caption>\n\
             <thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            w.chart_data,
            if i == 0 { w.below } else { w.above },
            w.bin,
            w.enterprises
        );
        for bin in half {
            let n = s.histogram.get(bin).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"num\" data-value=\"{n}\">{}</td></tr>",
                bin_range(bin),
                count(n)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// A count short enough to stand over a narrow bar: 1234 → 1.2k.
fn compact(n: u64) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{}k", (n + 500) / 1000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// Shortens `text` to about `units` (a CJK character counts two).
fn clip(text: &str, units: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let width = if c.is_ascii() { 1 } else { 2 };
        if used + width > units {
            out.push('…');
            return out;
        }
        used += width;
        out.push(c);
    }
    out
}

/// A horizontal bar chart: labels on the left, the value at the bar's end.
fn bars(out: &mut String, id: &str, title: &str, desc: &str, rows: &[(String, u64, String)]) {
    let (width, left, right, row_h, top) = (720.0, 250.0, 110.0, 22.0, 6.0);
    let height = top * 2.0 + row_h * rows.len() as f64;
    let plot_w = width - left - right;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
    let _ = write!(
        out,
        "<figure>\n<svg id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc)
    );
    for (i, (label, value, shown)) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let bar = scale(*value, max, plot_w).max(1.0);
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar\" x=\"{left}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            left - 8.0,
            y + row_h * 0.68,
            escape(&clip(label, 34)),
            y + row_h * 0.15,
            row_h * 0.7,
            left + bar + 6.0,
            y + row_h * 0.68,
            escape(shown)
        );
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{:.1}\"/>\n</svg>\n</figure>\n",
        height - top
    );
}

fn issues(out: &mut String, s: &Summary, w: &Words, lang: Lang) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-issues\">\n<h2 id=\"h-issues\">{}</h2>\n",
        w.issues
    );
    let found = s.top_issues(TOP_ISSUES);
    if found.is_empty() {
        let _ = write!(
            out,
            "<p id=\"chart-issues\">{}</p>\n</section>\n",
            w.no_issues
        );
        return;
    }
    let labelled: Vec<(String, &str, u64)> = found
        .iter()
        .map(|(key, n)| {
            let (field, code) = key.split_once(':').unwrap_or((key, ""));
            let sep = if lang == Lang::Zh { "：" } else { ": " };
            (format!("{}{sep}{code}", field_label(field, lang)), *key, *n)
        })
        .collect();
    let rows: Vec<(String, u64, String)> = labelled
        .iter()
        .map(|(label, _, n)| (label.clone(), *n, count(*n)))
        .collect();
    bars(
        out,
        "chart-issues",
        w.issues,
        &text::issues_label(rows.len(), lang),
        &rows,
    );
    let _ = write!(
        out,
        "<table class=\"data\" id=\"issues-data\">\n<caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         </tr></thead>\n<tbody>\n",
        w.chart_data, w.issue, w.issues_column, w.times
    );
    for (label, key, n) in &labelled {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"code\">{}</td><td class=\"num\" data-value=\"{n}\">{}</td></tr>",
            escape(label),
            escape(key),
            count(*n)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn top(out: &mut String, s: &Summary, w: &Words, lang: Lang) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-top\">\n<h2 id=\"h-top\">{}</h2>\n",
        w.top
    );
    let top = s.top();
    if top.is_empty() {
        let _ = write!(out, "<p id=\"chart-top\">{}</p>\n</section>\n", w.no_top);
        return;
    }
    // Bars in fen, so the lengths are exact ratios of the amounts.
    let fen = |d: Decimal| {
        d.checked_mul(Decimal::ONE_HUNDRED)
            .map(|f| f.trunc())
            .and_then(|f| u64::try_from(f).ok())
            .unwrap_or(u64::MAX)
    };
    let rows: Vec<(String, u64, String)> = top
        .iter()
        .map(|t| {
            let name = if t.name.is_empty() {
                t.credit_code.clone()
            } else {
                t.name.clone()
            };
            (name, fen(t.refund), yuan(t.refund))
        })
        .collect();
    bars(
        out,
        "chart-top",
        w.top,
        &text::top_label(rows.len().min(TOP), lang),
        &rows,
    );
    let _ = write!(
        out,
        "<table class=\"data\" id=\"top-data\">\n<caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         </tr></thead>\n<tbody>\n",
        w.chart_data, w.rank, w.name, w.credit_code, w.division, w.line, w.refund
    );
    for (i, t) in top.iter().enumerate() {
        let place = Place::of_credit_code(&t.credit_code)
            .map(|p| label(&p, lang))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr data-line=\"{line}\"><td class=\"num\">{}</td><th scope=\"row\">{}</th><td class=\"code cc\">{}</td>\
             <td>{}</td><td class=\"num\">{line}</td><td class=\"num\" data-value=\"{}\">{}</td></tr>",
            i + 1,
            escape(&t.name),
            escape(&t.credit_code),
            escape(&place),
            t.refund,
            yuan(t.refund),
            line = t.line,
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn label(place: &Place, lang: Lang) -> String {
    match lang {
        Lang::Zh => place.label_zh(),
        Lang::En => place.label_en(),
    }
}

/// Groups sorted by refund (then eligible count, rows, code).
fn sorted(groups: HashMap<String, Tally>) -> Vec<(String, Tally)> {
    let mut all: Vec<(String, Tally)> = groups.into_iter().collect();
    all.sort_by(|a, b| {
        b.1.refund
            .cmp(&a.1.refund)
            .then_with(|| b.1.eligible.cmp(&a.1.eligible))
            .then_with(|| b.1.rows.cmp(&a.1.rows))
            .then_with(|| a.0.cmp(&b.0))
    });
    all
}

fn divisions(out: &mut String, s: &Summary, w: &Words, lang: Lang) {
    let mut districts: HashMap<String, Tally> = HashMap::new();
    let mut prefectures: HashMap<String, Tally> = HashMap::new();
    for (code, tally) in &s.divisions {
        let code = format!("{code:06}");
        let prefecture = format!("{}00", code.get(..4).unwrap_or_default());
        prefectures.entry(prefecture).or_default().add(tally);
        districts.entry(code).or_default().add(tally);
    }
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-divisions\">\n<h2 id=\"h-divisions\">{} / {}</h2>\n<p>{}</p>\n",
        w.by_prefecture, w.by_district, w.division_note
    );
    division_table(
        out,
        "by-prefecture",
        w.by_prefecture,
        sorted(prefectures),
        s,
        w,
        lang,
    );
    division_table(
        out,
        "by-district",
        w.by_district,
        sorted(districts),
        s,
        w,
        lang,
    );
    out.push_str("</section>\n");
}

fn division_table(
    out: &mut String,
    id: &str,
    caption: &str,
    groups: Vec<(String, Tally)>,
    s: &Summary,
    w: &Words,
    lang: Lang,
) {
    let _ = write!(
        out,
        "<table id=\"{id}\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        w.division, w.rows_screened, w.eligible, w.refund
    );
    let row = |out: &mut String, key: &str, name: &str, t: &Tally| {
        let _ = writeln!(
            out,
            "<tr data-code=\"{key}\"><th scope=\"row\">{}</th><td class=\"num\" data-value=\"{}\">{}</td>\
             <td class=\"num\" data-value=\"{}\">{}</td><td class=\"num\" data-value=\"{}\">{}</td></tr>",
            escape(name),
            t.rows,
            count(t.rows),
            t.eligible,
            count(t.eligible),
            t.refund,
            yuan(t.refund)
        );
    };
    let mut total = s.unplaced;
    let mut rest = Tally::default();
    let rest_count = groups.len().saturating_sub(MAX_DISTRICT_ROWS);
    for (i, (code, t)) in groups.iter().enumerate() {
        total.add(t);
        if i >= MAX_DISTRICT_ROWS {
            rest.add(t);
            continue;
        }
        let name = Place::of_division_code(code)
            .map(|p| label(&p, lang))
            .unwrap_or_else(|| code.clone());
        row(out, code, &name, t);
    }
    if rest_count > 0 {
        row(
            out,
            "other",
            &text::other_divisions(rest_count, lang),
            &rest,
        );
    }
    if s.unplaced.rows > 0 {
        row(out, "none", w.unplaced, &s.unplaced);
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td></tr></tfoot>\n</table>\n",
        w.total,
        count(total.rows),
        count(total.eligible),
        yuan(total.refund)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_run_renders_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let page = render(
                &Summary::default(),
                &Stats::default(),
                "a<b>.csv",
                lang,
                None,
            );
            assert!(page.contains("a&lt;b&gt;.csv"));
            assert!(!page.contains("<script"));
            assert!(page.contains("data-figure=\"rows\" data-value=\"0\""));
        }
    }

    #[test]
    fn steps_and_labels() {
        assert_eq!(nice_step(0, 4), 1);
        assert_eq!(nice_step(7, 4), 2);
        assert_eq!(nice_step(700_000, 4), 200_000);
        assert_eq!(nice_step(u64::MAX, 4), 5_000_000_000_000_000_000);
        assert_eq!(bin_label(0), "<−10");
        assert_eq!(bin_label(1), "−10");
        assert_eq!(bin_label(11), "0");
        assert_eq!(bin_label(BINS - 1), "≥10");
        assert_eq!(bin_range(10), "[−1, 0)");
        assert_eq!(clip("苏州示例精密机械有限公司", 8), "苏州示例…");
        assert_eq!(compact(123_456), "123k");
    }
}
