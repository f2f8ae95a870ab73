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

    public sealed record Marker(string District, float X, float Y, float Radius, bool Hollow, string Text);

    /// <summary>
    /// A laid-out map: the outline in map units (0..Width, 0..Height), the markers largest first (small circles are
    /// painted over large ones), and the districts with a count that the catalogue has no place for.
    /// </summary>
    public sealed record Data(string Title, string Measure, float Width, float Height, IReadOnlyList<SKPoint> Outline, IReadOnlyList<Marker> Markers, IReadOnlyList<Count> NotOnMap);

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
        return new Data(title, measure, Width, height, [.. outline.Select(p => Project(p.X, p.Y))],
            [.. markers.OrderByDescending(m => m.Radius).ThenBy(m => m.District, StringComparer.Ordinal)], missing);
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
            svg.Append(Invariant, $"<text x=\"{m.X + m.Radius + 2:0.#}\" y=\"{m.Y + 3:0.#}\" font-size=\"9\" fill=\"#222\">{E(m.District)} {E(m.Text)}</text>");
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
            canvas.DrawText($"{m.District} {m.Text}", m.X + m.Radius + 2, m.Y + 2.5f, SKTextAlign.Left, font, ink);
        }
        using var small = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        canvas.DrawText(Attribution, 4, d.Height + 12, SKTextAlign.Left, font, small);
        canvas.Restore();
    }
}
