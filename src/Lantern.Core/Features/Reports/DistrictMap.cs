using System.Globalization;
using System.Net;
using System.Text;
using SkiaSharp;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// The district map (ADR 0022): Pakistan's outline and one circle per district at its headquarters town, its area
/// proportional to the count; a hidden count (1–4, or withheld) is a hollow marker labelled with its text ("&lt;5").
/// <see cref="Layout"/> computes everything once; <see cref="ToSvg"/> (web) and <see cref="Draw"/> (PDF) only paint
/// it, so both show the same map. Districts the catalogue does not know are listed, never dropped.
/// </summary>
public static class DistrictMap
{
    /// <summary>A district's published count: <paramref name="Value"/> null when hidden.</summary>
    public sealed record Count(string District, int? Value, string Text);

    /// <summary>A marker's label: text drawn left-aligned from (<paramref name="X"/>, <paramref name="Baseline"/>); with a leader line from the circle's rim when it stands away from it.</summary>
    public sealed record Label(string Text, float X, float Baseline, float Width, SKPoint? LeaderFrom = null, SKPoint? LeaderTo = null);

    /// <summary>A district's circle; its label null when there was no room for it anywhere near (the district is then listed under the map).</summary>
    public sealed record Marker(string District, float X, float Y, float Radius, bool Hollow, string Text, Label? Label = null);

    /// <summary>
    /// A laid-out map: the outline in map units (0..Width, 0..Height), the markers largest first (small circles are
    /// painted over large ones), and the districts with a count that the catalogue has no place for.
    /// </summary>
    public sealed record Data(string Title, string Measure, float Width, float Height, IReadOnlyList<SKPoint> Outline, IReadOnlyList<Marker> Markers, IReadOnlyList<Count> NotOnMap)
    {
        /// <summary>Markers whose label found no room: the painters list them under the map.</summary>
        public IReadOnlyList<Marker> Unlabelled => [.. Markers.Where(m => m.Label is null)];
    }

    public const string Attribution = "Boundary: Natural Earth. District headquarters: GeoNames.";

    public const float Width = 420;
    private const float Padding = 12;
    private const float MaxRadius = 20;
    private const float HollowRadius = 5;

    public static Data Layout(string title, string measure, IReadOnlyList<Count> counts, DistrictCatalogue catalogue)
    {
        var outline = catalogue.Outline;
        var minLon = outline.Min(p => p.X);
        var maxLon = outline.Max(p => p.X);
        var minLat = outline.Min(p => p.Y);
        var maxLat = outline.Max(p => p.Y);
        // Equirectangular with the longitude shrunk by cos(mid-latitude): near enough to true shape at this size.
        var shrink = (float)Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = (Width - 2 * Padding) / ((maxLon - minLon) * shrink);
        var height = (maxLat - minLat) * scale + 2 * Padding;
        SKPoint Project(float lon, float lat) => new(Padding + (lon - minLon) * shrink * scale, Padding + (maxLat - lat) * scale);
        var max = Math.Max(1, counts.Select(c => c.Value ?? 0).DefaultIfEmpty(0).Max());
        var markers = new List<Marker>();
        var missing = new List<Count>();
        foreach (var c in counts)
        {
            if (catalogue.Find(c.District) is not { } place)
            {
                missing.Add(c);
                continue;
            }
            var p = Project(place.Longitude, place.Latitude);
            var hollow = c.Value is null;
            var radius = hollow ? HollowRadius : (float)(MaxRadius * Math.Sqrt((double)c.Value!.Value / max));
            markers.Add(new Marker(c.District, p.X, p.Y, Math.Max(radius, 2), hollow, c.Text));
        }
        var ordered = markers.OrderByDescending(m => m.Radius).ThenBy(m => m.District, StringComparer.Ordinal).ToList();
        return new Data(title, measure, Width, height, [.. outline.Select(p => Project(p.X, p.Y))], PlaceLabels(ordered, Width, height), missing);
    }

    /// <summary>The labels' font size in map units, the same for the web and the PDF.</summary>
    public const float LabelSize = 8;

    // Where a label may go around its circle, in order of preference: right, left, above, below, then the corners.
    private static readonly (float Dx, float Dy)[] Directions = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)];

    /// <summary>
    /// Label placement, shared by both painters: markers in order (largest first, so the biggest districts get the best
    /// places), each label tried at eight positions next to its circle, then at the same positions farther out with a
    /// leader line; the first that overlaps no label already placed, no other circle and stays inside the map wins.
    /// With no room anywhere the label is left out, never drawn over another (the district is listed instead).
    /// Greedy, so not optimal, but predictable, and the whole map is one layout for the web and the PDF.
    /// </summary>
    internal static List<Marker> PlaceLabels(IReadOnlyList<Marker> markers, float width, float height)
    {
        using var font = new SKFont(AnnualReportPdf.RegularTypeface, LabelSize);
        var ascent = LabelSize * 0.76f;
        var descent = LabelSize * 0.24f;
        var placed = new List<SKRect>();
        var result = new List<Marker>();
        foreach (var m in markers)
        {
            var text = $"{m.District} {m.Text}";
            var w = font.MeasureText(text);
            Label? chosen = null;
            foreach (var gap in new[] { 2f, 12f, 24f })
            {
                foreach (var (dx, dy) in Directions)
                {
                    var reach = m.Radius + gap;
                    // The point next to the circle the label hangs from, and the label's box around it.
                    var ax = m.X + dx * reach * (dy == 0 ? 1 : 0.7f);
                    var ay = m.Y + dy * reach * (dx == 0 ? 1 : 0.7f);
                    var left = dx > 0 ? ax : dx < 0 ? ax - w : ax - w / 2;
                    var baseline = dy < 0 ? ay - descent : dy > 0 ? ay + ascent : ay + (ascent - descent) / 2;
                    var box = new SKRect(left, baseline - ascent, left + w, baseline + descent);
                    if (box.Left < 0 || box.Right > width || box.Top < 0 || box.Bottom > height || placed.Any(p => p.IntersectsWith(box))
                        || markers.Any(o => !ReferenceEquals(o, m) && Touches(o, box)))
                    {
                        continue;
                    }
                    SKPoint? from = null;
                    SKPoint? to = null;
                    if (gap > 2)
                    {
                        var length = MathF.Sqrt(dx * dx + dy * dy);
                        from = new SKPoint(m.X + dx / length * m.Radius, m.Y + dy / length * m.Radius);
                        to = new SKPoint(Math.Clamp(from.Value.X, box.Left, box.Right), Math.Clamp(from.Value.Y, box.Top, box.Bottom));
                        to = new SKPoint(dx > 0 ? box.Left : dx < 0 ? box.Right : to.Value.X, dy > 0 ? box.Top : dy < 0 ? box.Bottom : to.Value.Y);
                    }
                    chosen = new Label(text, box.Left, baseline, w, from, to);
                    placed.Add(box);
                    break;
                }
                if (chosen is not null)
                {
                    break;
                }
            }
            result.Add(m with { Label = chosen });
        }
        return result;
    }

    private static bool Touches(Marker circle, SKRect box)
    {
        var nearestX = Math.Clamp(circle.X, box.Left, box.Right);
        var nearestY = Math.Clamp(circle.Y, box.Top, box.Bottom);
        var dx = circle.X - nearestX;
        var dy = circle.Y - nearestY;
        return dx * dx + dy * dy < circle.Radius * circle.Radius;
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The map as inline SVG (no script), with a title for screen readers and each circle's count in its tooltip.</summary>
    public static string ToSvg(Data d)
    {
        var svg = new StringBuilder();
        var h = d.Height + 18;
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart district-map\" viewBox=\"0 0 {d.Width:0} {h:0}\" width=\"100%\" role=\"img\" aria-label=\"{E(d.Title)}\"><title>{E(d.Title)}</title>");
        svg.Append("<path class=\"map-outline\" fill=\"#eef2f6\" stroke=\"#6b7a8c\" stroke-width=\"1\" d=\"");
        for (var i = 0; i < d.Outline.Count; i++)
        {
            svg.Append(Invariant, $"{(i == 0 ? 'M' : 'L')}{d.Outline[i].X:0.#} {d.Outline[i].Y:0.#}");
        }
        svg.Append("Z\"/>");
        foreach (var m in d.Markers)
        {
            var style = m.Hollow ? "fill=\"none\" stroke=\"#b3541e\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"" : "fill=\"#3a6ea5\" fill-opacity=\"0.6\" stroke=\"#1f3f63\" stroke-width=\"1\"";
            svg.Append(Invariant, $"<circle class=\"map-district{(m.Hollow ? " map-hidden" : "")}\" cx=\"{m.X:0.#}\" cy=\"{m.Y:0.#}\" r=\"{m.Radius:0.#}\" {style}><title>{E(m.District)}: {E(m.Text)} {E(d.Measure)}</title></circle>");
        }
        // Labels after every circle, so that no circle is painted over a label.
        foreach (var m in d.Markers)
        {
            if (m.Label is not { } l)
            {
                continue;
            }
            if (l.LeaderFrom is { } a && l.LeaderTo is { } b)
            {
                svg.Append(Invariant, $"<line class=\"map-leader\" x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\" stroke=\"#555\" stroke-width=\"0.6\"/>");
            }
            svg.Append(Invariant, $"<text class=\"map-label\" x=\"{l.X:0.#}\" y=\"{l.Baseline:0.#}\" font-size=\"{LabelSize:0.#}\" font-family=\"DejaVu Sans, sans-serif\" fill=\"#222\">{E(l.Text)}</text>");
        }
        svg.Append(Invariant, $"<text x=\"4\" y=\"{h - 4:0}\" font-size=\"9\" fill=\"#555\">{E(Attribution)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Paints the map with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), <paramref name="zoom"/> map units per point.</summary>
    public static void Draw(SKCanvas canvas, Data d, float x, float y, float zoom, SKTypeface typeface)
    {
        canvas.Save();
        canvas.Translate(x, y);
        canvas.Scale(zoom);
        using (var path = new SKPath())
        {
            path.AddPoly([.. d.Outline], close: true);
            using var fill = new SKPaint { Color = new SKColor(0xee, 0xf2, 0xf6), Style = SKPaintStyle.Fill, IsAntialias = true };
            using var stroke = new SKPaint { Color = new SKColor(0x6b, 0x7a, 0x8c), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
        using var font = new SKFont(typeface, 7);
        using var labelFont = new SKFont(typeface, LabelSize);
        using var leader = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var solid = new SKPaint { Color = new SKColor(0x3a, 0x6e, 0xa5, 0x99), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var rim = new SKPaint { Color = new SKColor(0x1f, 0x3f, 0x63), Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        using var hollow = new SKPaint { Color = new SKColor(0xb3, 0x54, 0x1e), Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([2, 2], 0) };
        foreach (var m in d.Markers)
        {
            if (m.Hollow)
            {
                canvas.DrawCircle(m.X, m.Y, m.Radius, hollow);
            }
            else
            {
                canvas.DrawCircle(m.X, m.Y, m.Radius, solid);
                canvas.DrawCircle(m.X, m.Y, m.Radius, rim);
            }
        }
        foreach (var m in d.Markers)
        {
            if (m.Label is not { } l)
            {
                continue;
            }
            if (l.LeaderFrom is { } a && l.LeaderTo is { } b)
            {
                canvas.DrawLine(a, b, leader);
            }
            canvas.DrawText(l.Text, l.X, l.Baseline, SKTextAlign.Left, labelFont, ink);
        }
        using var small = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        canvas.DrawText(Attribution, 4, d.Height + 12, SKTextAlign.Left, font, small);
        canvas.Restore();
    }
}
