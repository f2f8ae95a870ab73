using System.Text.RegularExpressions;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// The annual report's template: a small Markdown-like text (ADR 0022). Lines starting with <c>#</c>, <c>##</c> or
/// <c>###</c> are headings; lines starting with <c>- </c> are list items; other lines make paragraphs, separated by
/// blank lines. <c>{{name}}</c> inside text is a figure (<see cref="Values"/>); a line holding only
/// <c>{{table:name}}</c>, <c>{{chart:name}}</c> or <c>{{map:name}}</c> places a table, a chart or the district map;
/// <c>{{page-break}}</c> starts a new page. Any other placeholder is refused naming it.
/// </summary>
public static partial class ReportTemplate
{
    public const int MaxLength = 50_000;

    /// <summary>Figures and words that may stand inside text.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        "year", "scope", "generated", "suppression-note",
        "victims.total", "flows.victims", "suspects.total", "prosecuted.total", "convicted.total",
        "inspections.total", "inspections.children", "inspections.released", "inspections.firs",
    ];

    public static readonly IReadOnlyList<string> Tables =
    [
        "victims-by-sex-age", "victims-by-exploitation", "victims-by-citizenship", "victims-by-province", "victims-by-district",
        "flows", "suspects", "prosecuted", "convicted", "prosecution-funnel", "inspections-by-district", "inspections-by-sector",
    ];

    public static readonly IReadOnlyList<string> Charts =
    [
        "victims-by-sex-age", "victims-by-exploitation", "victims-by-citizenship", "offenders", "prosecution-funnel",
        "inspections-by-district", "inspections-by-sector",
    ];

    public static readonly IReadOnlyList<string> Maps = ["inspections-by-district", "victims-by-district"];

    public abstract record Block;

    public sealed record Heading(int Level, string Text) : Block;

    public sealed record Paragraph(string Text, bool ListItem) : Block;

    /// <summary>A table, chart or map (<c>Kind</c>) by name.</summary>
    public sealed record Figure(string Kind, string Name) : Block;

    public sealed record PageBreak : Block;

    /// <summary>The bundled default template (<c>Reference/reports/annual-report-template.md</c>).</summary>
    public static string Default
    {
        get
        {
            using var stream = typeof(ReportTemplate).Assembly.GetManifestResourceStream("Lantern.Core.Reference.reports.annual-report-template.md")
                ?? throw new InvalidOperationException("The bundled annual report template is missing.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{\{\s*(table|chart|map)\s*:\s*([^{}]*?)\s*\}\}$|^\{\{\s*page-break\s*\}\}$")]
    private static partial Regex BlockLine();

    /// <summary>Reads a template, refusing (field <c>template</c>) an empty or over-long text and any unknown or misplaced placeholder.</summary>
    public static IReadOnlyList<Block> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException("template", "The template is empty.");
        }
        if (text.Length > MaxLength)
        {
            throw new ValidationException("template", $"The template is longer than {MaxLength:N0} characters.");
        }
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Paragraph(string.Join(' ', paragraph), false));
                paragraph.Clear();
            }
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            var block = BlockLine().Match(line);
            if (block.Success)
            {
                Flush();
                if (!block.Groups[1].Success)
                {
                    blocks.Add(new PageBreak());
                    continue;
                }
                var kind = block.Groups[1].Value;
                var name = block.Groups[2].Value;
                var known = kind switch { "table" => Tables, "chart" => Charts, _ => Maps };
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    throw new ValidationException("template", $"Line {number}: unknown placeholder {{{{{kind}:{name}}}}}; a {kind} is one of: {string.Join(", ", known)}.");
                }
                blocks.Add(new Figure(kind, name));
                continue;
            }
            foreach (Match m in Placeholder().Matches(line))
            {
                var name = m.Groups[1].Value;
                if (!Values.Contains(name, StringComparer.Ordinal))
                {
                    var where = name.StartsWith("table:", StringComparison.Ordinal) || name.StartsWith("chart:", StringComparison.Ordinal) || name.StartsWith("map:", StringComparison.Ordinal) || name == "page-break"
                        ? $"{{{{{name}}}}} must stand alone on its line" : $"unknown placeholder {{{{{name}}}}}";
                    throw new ValidationException("template", $"Line {number}: {where}.");
                }
            }
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith('#'))
            {
                Flush();
                var level = line.TakeWhile(c => c == '#').Count();
                blocks.Add(new Heading(Math.Min(level, 3), line[level..].Trim()));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new Paragraph(line[2..].Trim(), true));
            }
            else
            {
                paragraph.Add(line);
            }
        }
        Flush();
        return blocks;
    }

    /// <summary>Text with its <c>{{value}}</c> placeholders replaced (the template was checked by <see cref="Parse"/>).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
