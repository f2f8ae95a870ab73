using System.Globalization;
using SkiaSharp;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// Lays the annual report out on A4 pages with SkiaSharp's PDF back end: a title page, then the template's blocks in
/// order — headings, wrapped paragraphs, tables that continue on the next page under a repeated header, bar and
/// funnel charts and the district map — with a running footer and page numbers. Fonts are the bundled DejaVu Sans
/// (<c>Reference/fonts</c>), never the machine's.
/// </summary>
public static class AnnualReportPdf
{
    public const string Title = "Annual report on human trafficking and migrant smuggling";

    private static readonly Lazy<SKTypeface> Regular = new(() => Font("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Font("DejaVuSans-Bold.ttf"));

    /// <summary>The bundled regular face, for measuring text laid out elsewhere (the map's labels).</summary>
    internal static SKTypeface RegularTypeface => Regular.Value;

    private static SKTypeface Font(string file)
    {
        using var stream = typeof(AnnualReportPdf).Assembly.GetManifestResourceStream("Lantern.Core.Reference.fonts." + file)
            ?? throw new InvalidOperationException($"The bundled font {file} is missing.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The bundled font {file} could not be read.");
    }

    /// <summary>The PDF of the report: <paramref name="blocks"/> from <see cref="ReportTemplate.Parse"/>, filled with <paramref name="figures"/>.</summary>
    public static byte[] Render(IReadOnlyList<ReportTemplate.Block> blocks, AnnualReportFigures figures)
    {
        using var output = new MemoryStream();
        using (var writer = new Writer(output, figures, Regular.Value, Bold.Value))
        {
            writer.TitlePage();
            for (var i = 0; i < blocks.Count; i++)
            {
                switch (blocks[i])
                {
                    case ReportTemplate.Heading h:
                        writer.Heading(ReportTemplate.Fill(h.Text, figures.Values), h.Level, KeepWith(writer, blocks, i + 1, figures));
                        break;
                    case ReportTemplate.Paragraph p:
                        writer.Paragraph(ReportTemplate.Fill(p.Text, figures.Values), p.ListItem);
                        break;
                    case ReportTemplate.Figure { Kind: "table" } f:
                        writer.Table(figures.Tables[f.Name]);
                        break;
                    case ReportTemplate.Figure { Kind: "chart" } f:
                        writer.Chart(figures.Charts[f.Name]);
                        break;
                    case ReportTemplate.Figure f:
                        writer.Map(figures.Maps[f.Name]);
                        break;
                    case ReportTemplate.PageBreak:
                        writer.NewPage();
                        break;
                    default:
                        throw new InvalidOperationException("Unknown template block.");
                }
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// The room a heading needs below it so that it is never left alone at the foot of a page: the start of what
    /// follows (further headings, then the first lines of a paragraph or the start of a table, chart or map).
    /// </summary>
    private static float KeepWith(Writer writer, IReadOnlyList<ReportTemplate.Block> blocks, int next, AnnualReportFigures figures)
    {
        var room = 0f;
        for (var i = next; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case ReportTemplate.Heading h:
                    room += writer.HeadingHeight(ReportTemplate.Fill(h.Text, figures.Values), h.Level);
                    continue;
                case ReportTemplate.Paragraph p:
                    return room + writer.ParagraphStart(ReportTemplate.Fill(p.Text, figures.Values), p.ListItem);
                case ReportTemplate.Figure { Kind: "table" } f:
                    return room + Writer.TableStart(figures.Tables[f.Name]);
                case ReportTemplate.Figure { Kind: "chart" } f:
                    return room + Writer.ChartStart(figures.Charts[f.Name]);
                case ReportTemplate.Figure f:
                    return room + Writer.MapStart(figures.Maps[f.Name]);
                default:
                    return room; // a page break follows: the heading ends its page by the template's wish
            }
        }
        return room;
    }

    private sealed class Writer : IDisposable
    {
        private const float PageWidth = 595;
        private const float PageHeight = 842;
        private const float Margin = 56;
        private const float Bottom = PageHeight - Margin - 18;
        private const float ContentWidth = PageWidth - 2 * Margin;

        private readonly SKDocument _document;
        private readonly AnnualReportFigures _figures;
        private readonly SKTypeface _regular;
        private readonly SKTypeface _bold;
        private readonly SKPaint _ink = new() { Color = new SKColor(0x1a, 0x1a, 0x1a), IsAntialias = true };
        private readonly SKPaint _muted = new() { Color = new SKColor(0x5a, 0x5a, 0x5a), IsAntialias = true };
        private readonly SKPaint _rule = new() { Color = new SKColor(0xc8, 0xcd, 0xd3), StrokeWidth = 0.6f, IsAntialias = true };
        private readonly SKPaint _shade = new() { Color = new SKColor(0xee, 0xf2, 0xf6), Style = SKPaintStyle.Fill };
        private readonly SKPaint _bar = new() { Color = new SKColor(0x3a, 0x6e, 0xa5), Style = SKPaintStyle.Fill, IsAntialias = true };
        private readonly SKPaint _hidden = new() { Color = new SKColor(0xb3, 0x54, 0x1e), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        private SKCanvas? _canvas;
        private float _y;
        private int _page;

        public Writer(Stream output, AnnualReportFigures figures, SKTypeface regular, SKTypeface bold)
        {
            _figures = figures;
            _regular = regular;
            _bold = bold;
            var metadata = new SKDocumentPdfMetadata
            {
                Title = $"{Title}, {figures.PeriodLabel}",
                Subject = figures.Scope,
                Creator = "Lantern",
                Producer = "Lantern (SkiaSharp)",
                Creation = figures.Generated,
                Modified = figures.Generated,
            };
            _document = SKDocument.CreatePdf(output, metadata) ?? throw new InvalidOperationException("SkiaSharp could not start a PDF.");
        }

        private SKCanvas Canvas => _canvas ?? NewPage();

        public SKCanvas NewPage()
        {
            if (_canvas is not null)
            {
                _document.EndPage();
            }
            _canvas = _document.BeginPage(PageWidth, PageHeight);
            _page++;
            _y = Margin;
            if (_page > 1)
            {
                using var font = new SKFont(_regular, 8);
                _canvas.DrawLine(Margin, PageHeight - Margin + 2, PageWidth - Margin, PageHeight - Margin + 2, _rule);
                _canvas.DrawText($"{Title}, {_figures.PeriodLabel}", Margin, PageHeight - Margin + 14, SKTextAlign.Left, font, _muted);
                _canvas.DrawText($"Page {_page.ToString(CultureInfo.InvariantCulture)}", PageWidth - Margin, PageHeight - Margin + 14, SKTextAlign.Right, font, _muted);
            }
            return _canvas;
        }

        private void Ensure(float height)
        {
            if (_canvas is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        public void TitlePage()
        {
            var canvas = NewPage();
            _y = 220;
            Lines(Title, _bold, 24, ContentWidth, 32);
            _y += 12;
            if (_figures.Period is null)
            {
                Lines(_figures.PeriodLabel, _bold, 40, ContentWidth, 48);
            }
            else
            {
                Lines(_figures.PeriodLabel, _bold, 24, ContentWidth, 32);
            }
            _y += 16;
            Lines("Scope: " + _figures.Scope, _regular, 12, ContentWidth, 17);
            Lines("Generated on " + _figures.Values["generated"] + " by Lantern", _regular, 12, ContentWidth, 17);
            _y = 640;
            canvas.DrawLine(Margin, _y - 12, PageWidth - Margin, _y - 12, _rule);
            Lines(AnnualReportFigures.SuppressionNote, _regular, 10, ContentWidth, 14, _muted);
            _y += 6;
            Lines("Aggregate figures only: no person can be identified from this report. " + DistrictMap.Attribution, _regular, 10, ContentWidth, 14, _muted);
            NewPage();
        }

        private static float HeadingSize(int level) => level switch { 1 => 18f, 2 => 14f, _ => 11.5f };

        /// <summary>The height a heading takes: space above, its wrapped lines, space below.</summary>
        public float HeadingHeight(string text, int level)
        {
            var size = HeadingSize(level);
            using var font = new SKFont(_bold, size);
            return (level == 1 ? 4 : 8) + Wrap(text, font, ContentWidth).Count * size * 1.35f + 4;
        }

        /// <summary>A heading, on a new page unless <c>keep</c>, the room the block after it needs to start (<see cref="KeepWith"/>), fits under it too.</summary>
        public void Heading(string text, int level, float keep)
        {
            var size = HeadingSize(level);
            var height = HeadingHeight(text, level);
            // Never more than a page, or a heading before a tall map would push every page.
            Ensure(Math.Min(height + keep, Bottom - Margin));
            _y += level == 1 ? 4 : 8;
            Lines(text, _bold, size, ContentWidth, size * 1.35f);
            _y += 4;
        }

        /// <summary>Two lines of a paragraph (or all of a shorter one), so that no heading stands over a single line.</summary>
        public float ParagraphStart(string text, bool listItem)
        {
            using var font = new SKFont(_regular, 10);
            return Math.Min(2, Wrap(text, font, listItem ? ContentWidth - 16 : ContentWidth).Count) * 14f;
        }

        private const float TableRow = 15;

        /// <summary>A table's title, header, first row and footer (what <see cref="Table"/> keeps together).</summary>
        public static float TableStart(ReportTable table) => TableRow * 3 + 16;

        private const float ChartRow = 16;
        private const int ChartBars = 30;

        public static float ChartStart(ReportChart chart) => Math.Min(Bottom - Margin, Math.Min(chart.Bars.Count, ChartBars) * ChartRow + 40);

        public static float MapStart(DistrictMap.Data map) => (map.Height + 18) * MapZoom(map) + 30;

        private static float MapZoom(DistrictMap.Data map) => ContentWidth * 0.85f / map.Width;

        public void Paragraph(string text, bool listItem)
        {
            if (listItem)
            {
                Ensure(15);
                using var font = new SKFont(_regular, 10);
                Canvas.DrawText("•", Margin + 4, _y + 10, SKTextAlign.Left, font, _ink);
                Lines(text, _regular, 10, ContentWidth - 16, 14, _ink, Margin + 16);
                _y += 2;
                return;
            }
            Lines(text, _regular, 10, ContentWidth, 14);
            _y += 7;
        }

        /// <summary>Wrapped lines, breaking the page between lines when needed.</summary>
        private void Lines(string text, SKTypeface typeface, float size, float width, float lineHeight, SKPaint? paint = null, float x = Margin)
        {
            using var font = new SKFont(typeface, size);
            foreach (var line in Wrap(text, font, width))
            {
                Ensure(lineHeight);
                Canvas.DrawText(line, x, _y + size, SKTextAlign.Left, font, paint ?? _ink);
                _y += lineHeight;
            }
        }

        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && font.MeasureText(candidate) > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }
            if (current.Length > 0)
            {
                lines.Add(current);
            }
            return lines;
        }

        private static string Fit(string text, SKFont font, float width)
        {
            if (font.MeasureText(text) <= width)
            {
                return text;
            }
            while (text.Length > 1 && font.MeasureText(text + "…") > width)
            {
                text = text[..^1];
            }
            return text + "…";
        }

        public void Table(ReportTable table)
        {
            const float row = TableRow;
            using var font = new SKFont(_regular, 8.5f);
            using var boldFont = new SKFont(_bold, 8.5f);
            var columns = table.Header.Count;
            var natural = Enumerable.Range(0, columns).Select(c => Math.Max(boldFont.MeasureText(table.Header[c]),
                table.Rows.Select(r => font.MeasureText(r[c])).Append(table.Footer is null ? 0 : boldFont.MeasureText(table.Footer[c])).Max()) + 10).ToArray();
            // Number columns keep their width; text columns share what is left.
            var widths = natural.ToArray();
            var total = widths.Sum();
            if (total > ContentWidth)
            {
                var factor = ContentWidth / total;
                widths = [.. widths.Select(w => w * factor)];
            }
            void Header()
            {
                Canvas.DrawRect(Margin, _y, widths.Sum(), row, _shade);
                DrawRow(table.Header, boldFont, widths, row);
            }
            Ensure(TableStart(table));
            Lines(table.Title, _bold, 9.5f, ContentWidth, 14);
            _y += 2;
            Header();
            if (table.Rows.Count == 0)
            {
                Ensure(row);
                DrawRow(["No data", .. Enumerable.Repeat("", columns - 1)], font, widths, row);
            }
            foreach (var r in table.Rows)
            {
                if (_y + row > Bottom)
                {
                    NewPage();
                    Header();
                }
                DrawRow(r, font, widths, row);
            }
            if (table.Footer is not null)
            {
                Ensure(row);
                Canvas.DrawLine(Margin, _y, Margin + widths.Sum(), _y, _rule);
                DrawRow(table.Footer, boldFont, widths, row);
            }
            _y += 12;
        }

        private void DrawRow(IReadOnlyList<string> cells, SKFont font, float[] widths, float height)
        {
            var x = Margin;
            for (var c = 0; c < cells.Count; c++)
            {
                var text = Fit(cells[c], font, widths[c] - 8);
                if (c == 0)
                {
                    Canvas.DrawText(text, x + 4, _y + 10.5f, SKTextAlign.Left, font, _ink);
                }
                else
                {
                    Canvas.DrawText(text, x + widths[c] - 4, _y + 10.5f, SKTextAlign.Right, font, _ink);
                }
                x += widths[c];
            }
            _y += height;
            Canvas.DrawLine(Margin, _y, Margin + widths.Sum(), _y, _rule);
        }

        public void Chart(ReportChart chart)
        {
            const float row = ChartRow;
            const int most = ChartBars;
            var bars = chart.Bars.Take(most).ToList();
            using var font = new SKFont(_regular, 8.5f);
            Ensure(ChartStart(chart));
            Lines(chart.Title, _bold, 9.5f, ContentWidth, 14);
            _y += 2;
            if (bars.Count == 0)
            {
                Lines("No data", _regular, 9, ContentWidth, 13, _muted);
                _y += 8;
                return;
            }
            const float label = 150;
            var plot = ContentWidth - label - 50;
            var max = Math.Max(1, bars.Max(b => b.Value ?? 0));
            foreach (var b in bars)
            {
                Ensure(row);
                Canvas.DrawText(Fit(b.Label, font, label - 8), Margin + label - 6, _y + 11, SKTextAlign.Right, font, _ink);
                var width = b.Value is { } v ? Math.Max(v > 0 ? 1.5f : 0, plot * v / max) : 0;
                var left = chart.Funnel ? Margin + label + (plot - width) / 2 : Margin + label;
                if (b.Value is null)
                {
                    // A hidden count has no length to show: a hollow marker and its text.
                    Canvas.DrawRect(Margin + label, _y + 3, 8, row - 6, _hidden);
                    width = 8;
                }
                else
                {
                    Canvas.DrawRect(left, _y + 3, width, row - 6, _bar);
                }
                var textX = chart.Funnel ? Margin + label + plot + 6 : Margin + label + width + 4;
                Canvas.DrawText(b.Text, textX, _y + 11, SKTextAlign.Left, font, _ink);
                _y += row;
            }
            if (chart.Bars.Count > most)
            {
                Lines($"The {chart.Bars.Count - most} smallest groups are in the table.", _regular, 8, ContentWidth, 12, _muted);
            }
            _y += 12;
        }

        public void Map(DistrictMap.Data map)
        {
            var zoom = MapZoom(map);
            var height = (map.Height + 18) * zoom;
            Ensure(MapStart(map));
            Lines(map.Title, _bold, 9.5f, ContentWidth, 14);
            DistrictMap.Draw(Canvas, map, Margin, _y, zoom, _regular);
            _y += height + 6;
            if (map.Markers.Any(m => m.Hollow))
            {
                Lines("A hollow marker is a district whose count is suppressed (\"<5\" or \"x\"); circle areas are proportional to the counts.", _regular, 8, ContentWidth, 12, _muted);
            }
            if (map.Unlabelled.Count > 0)
            {
                Lines("Unlabelled for lack of room: " + string.Join(", ", map.Unlabelled.Select(m => $"{m.District} {m.Text}")) + ".",
                    _regular, 8.5f, ContentWidth, 12, _ink);
            }
            if (map.NotOnMap.Count > 0)
            {
                Lines("Not on the map (no place known for the district): " + string.Join(", ", map.NotOnMap.Select(c => $"{c.District} {c.Text}")) + ".",
                    _regular, 8.5f, ContentWidth, 12, _ink);
            }
            _y += 10;
        }

        public void Dispose()
        {
            if (_canvas is not null)
            {
                _document.EndPage();
            }
            _document.Close();
            _document.Dispose();
            foreach (var paint in new[] { _ink, _muted, _rule, _shade, _bar, _hidden })
            {
                paint.Dispose();
            }
        }
    }
}
