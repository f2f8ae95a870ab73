using System.Globalization;
using System.Net;
using System.Text;
using Lantern.Web.Localisation;
using Microsoft.AspNetCore.Html;

namespace Lantern.Web;

/// <summary>
/// Charts drawn by Lantern itself as inline SVG: no script, no external asset, printable, and readable by a
/// screen reader through the title and the table each chart stands beside. Values are counts or durations.
/// Callers pass titles, labels and units already in the request's language; a label that is data (a place, an
/// offence as recorded) is marked <see cref="Bar.IsData"/> and drawn with <c>translate="no"</c>, as pages mark data.
/// The drawing's geometry is left to right in both languages (<c>direction="ltr"</c>): in a right-to-left page the
/// inherited direction would turn each label's anchor around and draw it over its bar.
/// </summary>
public static class Charts
{
    public sealed record Bar(string Label, double Value, string? Note = null)
    {
        /// <summary>The label is data shown as recorded (a place name), not interface text.</summary>
        public bool IsData { get; init; }
    }

    private const int Width = 460;
    private const int RowHeight = 26;
    private const int LabelWidth = 180;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Horizontal bars, one row per item, the value written at the end of each bar.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<Bar> bars, string unit = "")
    {
        var height = Math.Max(1, bars.Count) * RowHeight + 12;
        var max = bars.Count == 0 ? 1 : Math.Max(1e-9, bars.Max(b => b.Value));
        var plot = Width - LabelWidth - (bars.Any(b => b.Note is not null) ? 150 : 70);
        var svg = Open(title, height, "chart chart-bars");
        if (bars.Count == 0)
        {
            svg.Append(Invariant, $"<text x=\"10\" y=\"18\" class=\"chart-empty\">{Encode(NoData())}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = 6 + i * RowHeight;
            var w = b.Value <= 0 ? 0 : Math.Max(2, b.Value / max * plot);
            svg.Append(Invariant, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"chart-label\"{Data(b)}>{Encode(Shorten(b.Label, 24))}</text>");
            svg.Append(Invariant, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 8}\" class=\"chart-bar\"><title>{Encode(b.Label)}: {Number(b.Value)}{Encode(unit)}</title></rect>");
            svg.Append(Invariant, $"<text x=\"{LabelWidth + w + 6:0.#}\" y=\"{y + 16}\" class=\"chart-value\">{Number(b.Value)}{Encode(unit)}{(b.Note is null ? "" : " · " + Encode(b.Note))}</text>");
        }
        return Close(svg);
    }

    /// <summary>A funnel: each stage a centred bar as wide as its count, with the share kept from the first stage.</summary>
    public static IHtmlContent Funnel(string title, IReadOnlyList<Bar> stages)
    {
        var height = Math.Max(1, stages.Count) * (RowHeight + 4) + 12;
        var first = stages.Count == 0 ? 0 : stages[0].Value;
        var max = stages.Count == 0 ? 1 : Math.Max(1e-9, stages.Max(s => s.Value));
        var plot = Width - LabelWidth - 90;
        var svg = Open(title, height, "chart chart-funnel");
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            var y = 6 + i * (RowHeight + 4);
            var w = s.Value <= 0 ? 0 : Math.Max(2, s.Value / max * plot);
            var x = LabelWidth + (plot - w) / 2;
            var share = first > 0 && i > 0 ? $" ({s.Value / first * 100:0}%)" : "";
            svg.Append(Invariant, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"chart-label\"{Data(s)}>{Encode(Shorten(s.Label, 24))}</text>");
            svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 6}\" class=\"chart-bar chart-step-{Math.Min(i, 5)}\"><title>{Encode(s.Label)}: {Number(s.Value)}{share}</title></rect>");
            svg.Append(Invariant, $"<text x=\"{LabelWidth + plot + 6}\" y=\"{y + 17}\" class=\"chart-value\">{Number(s.Value)}{share}</text>");
        }
        return Close(svg);
    }

    /// <summary>Vertical columns over an ordered axis (years, months): for counts over time.</summary>
    public static IHtmlContent Columns(string title, IReadOnlyList<Bar> columns)
    {
        const int height = 200;
        const int bottom = 24;
        var max = columns.Count == 0 ? 1 : Math.Max(1e-9, columns.Max(c => c.Value));
        var slot = columns.Count == 0 ? Width : (double)(Width - 20) / columns.Count;
        var svg = Open(title, height, "chart chart-columns");
        if (columns.Count == 0)
        {
            svg.Append(Invariant, $"<text x=\"10\" y=\"20\" class=\"chart-empty\">{Encode(NoData())}</text>");
        }
        svg.Append(Invariant, $"<line x1=\"10\" y1=\"{height - bottom}\" x2=\"{Width - 10}\" y2=\"{height - bottom}\" class=\"chart-axis\"/>");
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var h = c.Value <= 0 ? 0 : Math.Max(2, c.Value / max * (height - bottom - 24));
            var x = 10 + i * slot + slot * 0.15;
            var w = slot * 0.7;
            svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{height - bottom - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" class=\"chart-bar\"><title>{Encode(c.Label)}: {Number(c.Value)}</title></rect>");
            svg.Append(Invariant, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom - h - 5:0.#}\" text-anchor=\"middle\" class=\"chart-value\">{Number(c.Value)}</text>");
            svg.Append(Invariant, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - 7}\" text-anchor=\"middle\" class=\"chart-label\"{Data(c)}>{Encode(Shorten(c.Label, 10))}</text>");
        }
        return Close(svg);
    }

    /// <summary>One year of an indicator's series: <see cref="Value"/> is null when the figure is withheld or undefined, and <see cref="Text"/> is then drawn instead of a column.</summary>
    public sealed record SeriesPoint(string Label, double? Value, string Text);

    /// <summary>
    /// An indicator over the years: a column per year with its published text, a hollow dashed column with the mark for
    /// a withheld figure (never a column of a guessed height), and the target as a dashed line with its value.
    /// </summary>
    public static IHtmlContent IndicatorSeries(string title, IReadOnlyList<SeriesPoint> points, double target, string targetLabel, string unit = "")
    {
        const int height = 200;
        const int bottom = 24;
        const int top = 24;
        var max = Math.Max(1e-9, points.Select(p => p.Value ?? 0).Append(target).Max());
        var slot = points.Count == 0 ? Width - 20 : (double)(Width - 20) / points.Count;
        double Y(double v) => height - bottom - (v <= 0 ? 0 : v / max * (height - bottom - top));
        var svg = Open(title, height, "chart chart-columns chart-indicator");
        if (points.Count == 0)
        {
            svg.Append(Invariant, $"<text x=\"10\" y=\"20\" class=\"chart-empty\">{Encode(NoData())}</text>");
        }
        svg.Append(Invariant, $"<line x1=\"10\" y1=\"{height - bottom}\" x2=\"{Width - 10}\" y2=\"{height - bottom}\" class=\"chart-axis\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = 10 + i * slot + slot * 0.15;
            var w = slot * 0.7;
            if (p.Value is { } v)
            {
                var h = v <= 0 ? 0 : Math.Max(2, height - bottom - Y(v));
                svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{height - bottom - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" class=\"chart-bar\"><title>{Encode(p.Label)}: {Encode(p.Text)}{Encode(unit)}</title></rect>");
                svg.Append(Invariant, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom - h - 5:0.#}\" text-anchor=\"middle\" class=\"chart-value\" translate=\"no\">{Encode(p.Text)}</text>");
            }
            else
            {
                svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{height - bottom - 18}\" width=\"{w:0.#}\" height=\"18\" class=\"chart-hidden\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"3 3\"><title>{Encode(p.Label)}: {Encode(p.Text)}</title></rect>");
                svg.Append(Invariant, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom - 23}\" text-anchor=\"middle\" class=\"chart-value\" translate=\"no\">{Encode(p.Text)}</text>");
            }
            svg.Append(Invariant, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - 7}\" text-anchor=\"middle\" class=\"chart-label\">{Encode(Shorten(p.Label, 10))}</text>");
        }
        var ty = Y(target);
        svg.Append(Invariant, $"<line x1=\"10\" y1=\"{ty:0.#}\" x2=\"{Width - 10}\" y2=\"{ty:0.#}\" class=\"chart-target\" stroke=\"currentColor\" stroke-dasharray=\"6 4\"><title>{Encode(targetLabel)}</title></line>");
        svg.Append(Invariant, $"<text x=\"{Width - 12}\" y=\"{ty - 4:0.#}\" text-anchor=\"end\" class=\"chart-value\">{Encode(targetLabel)}</text>");
        return Close(svg);
    }

    private static StringBuilder Open(string title, int height, string css)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{css}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" direction=\"ltr\" role=\"img\" aria-label=\"{Encode(title)}\"><title>{Encode(title)}</title>");
        return svg;
    }

    private static string Data(Bar bar) => bar.IsData ? " translate=\"no\"" : "";

    private static string NoData()
    {
        Catalogue.Shipped.TryTranslate(Language.Current, "No data", out var text);
        return text;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Number(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-9 ? Math.Round(value).ToString("#,0", Invariant) : value.ToString("#,0.#", Invariant);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
