using SkiaSharp;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// The routes as a flow diagram (a three-column Sankey): places of recruitment on the left, transit in the middle
/// ("(direct)" when none), places of exploitation on the right, one band per route whose width is proportional to its
/// victims. A hidden count ("&lt;5" or "x") is a band of one fixed width, whatever the count, drawn hollow: its width
/// and its place in the drawing say nothing of the value. <see cref="Layout"/> computes the geometry once, in map-like
/// units with the geometry left to right in every language; the web (<c>Web/Charts.cs</c>) and the PDF
/// (<see cref="Draw"/>) only paint it, so both show the same diagram.
/// </summary>
public static class RouteDiagram
{
    /// <summary>A place: its column (0 origin, 1 transit, 2 destination), its published count and its bar.</summary>
    public sealed record Node(int Column, string Name, string Text, float X, float Y, float Height)
    {
        /// <summary>Where the label's baseline is: the middle of the node's slot.</summary>
        public float Baseline => Y + Math.Max(Height, LabelRoom) / 2 + LabelSize * 0.35f;

        /// <summary>Left column: the label ends left of the bar; others start right of it.</summary>
        public bool LabelBefore => Column == 0;

        public float LabelX => LabelBefore ? X - 4 : X + NodeWidth + 4;
    }

    /// <summary>
    /// A route's band: from the origin's bar at <paramref name="Y0"/> to the transit bar at <paramref name="Y1In"/>,
    /// out of it at <paramref name="Y1Out"/> to the destination's bar at <paramref name="Y2"/> (tops of the band).
    /// </summary>
    public sealed record Band(string Origin, string Transit, string Destination, string Scope, string Text, bool Hidden, float Width,
        float Y0, float Y1In, float Y1Out, float Y2);

    /// <summary>A laid-out diagram; <c>Omitted</c> counts the routes left out of the drawing (the smallest and the hidden ones), which are all in the table.</summary>
    public sealed record Data(string Title, float Width, float Height, IReadOnlyList<Node> Nodes, IReadOnlyList<Band> Bands, int Omitted);

    public const float Width = 640;
    public const float NodeWidth = 10;
    public const float LabelSize = 8;

    /// <summary>The width of every band whose count is hidden.</summary>
    public const float HiddenWidth = 4;

    /// <summary>Each node's slot is at least one label high, so that labels in a column never overlap.</summary>
    private const float LabelRoom = 11;
    private const float Gap = 5;
    private const float Top = 6;
    private const float MinWidth = 1.5f;
    private const float BandBudget = 300;
    private const float MaxPerVictim = 12;

    /// <summary>Left edge of each column's bars.</summary>
    public static readonly float[] ColumnX = [176, 315, 456];

    /// <summary>Routes drawn at most; the rest are in the table beside the drawing.</summary>
    public const int MostBands = 24;

    /// <summary>Height of the legend under the bands.</summary>
    public const float LegendHeight = 16;

    public static readonly string[] Scopes = ["domestic", "cross-border", "unknown"];

    public static Data Layout(string title, VictimRoutes.Table table, int most = MostBands)
    {
        // The table lists shown routes largest first, then the hidden ones: the drawing keeps that order.
        var drawn = table.Flows.Take(most).ToList();
        string Middle(VictimRoutes.PublishedFlow f) => f.Transit.Length == 0 ? VictimRoutes.Direct : f.Transit;
        var shownSum = drawn.Where(f => f.Victims is not null).Sum(f => f.Victims!.Value);
        var hiddenCount = drawn.Count(f => f.Victims is null);
        var perVictim = shownSum == 0 ? 0 : Math.Min(MaxPerVictim, (BandBudget - hiddenCount * HiddenWidth) / shownSum);
        float WidthOf(VictimRoutes.PublishedFlow f) => f.Victims is { } v ? Math.Max(MinWidth, v * perVictim) : HiddenWidth;

        // Each column's places in the published order (shown largest first, then hidden), only those drawn.
        List<string> Order(IReadOnlyList<CountVictims.GroupCount> places, Func<VictimRoutes.PublishedFlow, string> of)
        {
            var used = drawn.Select(of).ToHashSet(StringComparer.Ordinal);
            return [.. places.Select(p => p.Group).Where(used.Contains)];
        }
        var columns = new[] { Order(table.Origins, f => f.Origin), Order(table.Transits, Middle), Order(table.Destinations, f => f.Destination) };
        var texts = new[] { table.Origins, table.Transits, table.Destinations }
            .Select(c => c.ToDictionary(p => p.Group, p => p.Text, StringComparer.Ordinal)).ToArray();
        int Index(int column, string name) => columns[column].IndexOf(name);

        var nodes = new List<Node>();
        var nodeTop = new Dictionary<(int, string), float>();
        var bottom = Top;
        for (var c = 0; c < 3; c++)
        {
            var y = Top;
            foreach (var name in columns[c])
            {
                var height = drawn.Where(f => (c == 0 ? f.Origin : c == 1 ? Middle(f) : f.Destination) == name).Sum(WidthOf);
                nodes.Add(new Node(c, name, texts[c].GetValueOrDefault(name, ""), ColumnX[c], y, height));
                nodeTop[(c, name)] = y;
                y += Math.Max(height, LabelRoom) + Gap;
            }
            bottom = Math.Max(bottom, y);
        }

        // Within a bar, bands are stacked in the order of their other end, which keeps crossings few.
        var y0 = Stack(drawn, f => (0, f.Origin), f => (Index(1, Middle(f)), Index(2, f.Destination)));
        var y1In = Stack(drawn, f => (1, Middle(f)), f => (Index(0, f.Origin), Index(2, f.Destination)));
        var y1Out = Stack(drawn, f => (1, Middle(f)), f => (Index(2, f.Destination), Index(0, f.Origin)));
        var y2 = Stack(drawn, f => (2, f.Destination), f => (Index(1, Middle(f)), Index(0, f.Origin)));
        Dictionary<VictimRoutes.PublishedFlow, float> Stack(List<VictimRoutes.PublishedFlow> flows, Func<VictimRoutes.PublishedFlow, (int, string)> node,
            Func<VictimRoutes.PublishedFlow, (int, int)> order)
        {
            var at = new Dictionary<VictimRoutes.PublishedFlow, float>(ReferenceEqualityComparer.Instance);
            foreach (var group in flows.GroupBy(node))
            {
                var y = nodeTop[group.Key];
                foreach (var f in group.OrderBy(order))
                {
                    at[f] = y;
                    y += WidthOf(f);
                }
            }
            return at;
        }
        var bands = drawn.Select(f => new Band(f.Origin, f.Transit, f.Destination, f.Scope, f.Text, f.Victims is null, WidthOf(f), y0[f], y1In[f], y1Out[f], y2[f])).ToList();
        return new Data(title, Width, bottom + LegendHeight, nodes, bands, table.Flows.Count - drawn.Count);
    }

    /// <summary>The outline of a band's two segments (origin to transit, transit to destination) as cubic curves.</summary>
    public static IEnumerable<(float X0, float Top0, float X1, float Top1, float Width)> Segments(Band b) =>
    [
        (ColumnX[0] + NodeWidth, b.Y0, ColumnX[1], b.Y1In, b.Width),
        (ColumnX[1] + NodeWidth, b.Y1Out, ColumnX[2], b.Y2, b.Width),
    ];

    /// <summary>The fill of a band by scope (domestic, cross-border, unknown), as red-green-blue hex.</summary>
    public static string Colour(string scope) => scope switch
    {
        "domestic" => "3a6ea5",
        "cross-border" => "b3541e",
        _ => "8a8a8a",
    };

    /// <summary>Paints the diagram with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), <paramref name="zoom"/> points per unit.</summary>
    public static void Draw(SKCanvas canvas, Data d, float x, float y, float zoom, SKTypeface typeface)
    {
        canvas.Save();
        canvas.Translate(x, y);
        canvas.Scale(zoom);
        using var font = new SKFont(typeface, LabelSize);
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var halo = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f };
        using var bar = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var dashed = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([2, 2], 0) };
        foreach (var b in d.Bands)
        {
            using var path = new SKPath();
            foreach (var (x0, t0, x1, t1, w) in Segments(b))
            {
                var mid = (x0 + x1) / 2;
                path.MoveTo(x0, t0);
                path.CubicTo(mid, t0, mid, t1, x1, t1);
                path.LineTo(x1, t1 + w);
                path.CubicTo(mid, t1 + w, mid, t0 + w, x0, t0 + w);
                path.Close();
            }
            var colour = SKColor.Parse(Colour(b.Scope));
            using var fill = new SKPaint { Color = colour.WithAlpha(b.Hidden ? (byte)0x30 : (byte)0x73), Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawPath(path, fill);
            if (b.Hidden)
            {
                canvas.DrawPath(path, dashed);
            }
        }
        foreach (var n in d.Nodes)
        {
            canvas.DrawRect(n.X, n.Y, NodeWidth, Math.Max(n.Height, 1), bar);
        }
        foreach (var n in d.Nodes)
        {
            var label = Label(n.Name, n);
            var align = n.LabelBefore ? SKTextAlign.Right : SKTextAlign.Left;
            canvas.DrawText(label, n.LabelX, n.Baseline, align, font, halo);
            canvas.DrawText(label, n.LabelX, n.Baseline, align, font, ink);
        }
        var legendY = d.Height - LegendHeight + 11;
        for (var i = 0; i < Scopes.Length; i++)
        {
            using var swatch = new SKPaint { Color = SKColor.Parse(Colour(Scopes[i])).WithAlpha(0x73), Style = SKPaintStyle.Fill };
            canvas.DrawRect(4 + i * 120, legendY - 7, 10, 7, swatch);
            canvas.DrawText(Scopes[i], 18 + i * 120, legendY, SKTextAlign.Left, font, ink);
        }
        if (d.Bands.Any(b => b.Hidden))
        {
            canvas.DrawRect(364, legendY - 7, 10, 7, dashed);
            canvas.DrawText("hidden count (<5 or x), fixed width", 378, legendY, SKTextAlign.Left, font, ink);
        }
        canvas.Restore();
    }

    /// <summary>A node's label, the place cut to fit its column and the count kept: "Rahim Yar Khan, Pu… 12".</summary>
    public static string Label(string place, Node n)
    {
        var length = n.Column == 1 ? 24 : 30;
        return (place.Length <= length ? place : place[..(length - 1)] + "…") + " " + n.Text;
    }
}
