using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>
/// The GLOTIP dashboard: detected victims of one year by sex and age, form of exploitation, citizenship, organisation,
/// province and district; suspects, persons prosecuted and convicted by sex and citizenship. Each table has its bars and
/// a CSV download. Figures are suppressed for users without exact figures and whenever "as published" is chosen;
/// a CSV download is always suppressed, since it leaves Lantern.
/// </summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class GlotipModel(CountVictims.Handler victims, CountOffenders.Handler offenders, RateVictims.Handler rates, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public bool Public { get; set; }

    public IReadOnlyList<CountVictims.Response> Victims { get; private set; } = [];
    public CountOffenders.Response? Offenders { get; private set; }
    public RateVictims.Response? Rates { get; private set; }

    public int ShownYear => Year ?? clock.GetUtcNow().Year;

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () =>
        {
            Victims = await victims.HandleAll(HttpContext.Actor(), ShownYear, Organisation, Public, ct);
            Offenders = await offenders.Handle(HttpContext.Actor(), new CountOffenders.Request(ShownYear, Organisation, Public), ct);
            Rates = await rates.Handle(HttpContext.Actor(), new RateVictims.Request(ShownYear, Public), ct);
        });

    /// <summary>One table as CSV (group,count, or sex by citizenship for offenders), always with small cells suppressed.</summary>
    public Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct) => DownloadAsync(table, xlsx: false, ct);

    /// <summary>The same table as XLSX: text cells are inline strings (never formulas), counts are numbers, "&lt;5" and "x" text.</summary>
    public Task<IActionResult> OnGetXlsxAsync(string? table, CancellationToken ct) => DownloadAsync(table, xlsx: true, ct);

    private async Task<IActionResult> DownloadAsync(string? table, bool xlsx, CancellationToken ct)
    {
        try
        {
            var (name, rows) = await TableAsync(table, ct);
            if (xlsx)
            {
                return File(XlsxWorkbook.Write(name, rows.Select((r, i) => (IReadOnlyList<object?>)[.. r.Select((cell, j) => i == 0 || j == 0 ? (object)cell : XlsxWorkbook.Count(cell))])),
                    XlsxWorkbook.ContentType, $"{name}-{ShownYear}.xlsx");
            }
            var csv = new StringBuilder();
            foreach (var row in rows)
            {
                csv.AppendJoin(',', row.Select(CsvText.Cell)).Append('\n');
            }
            return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType, $"{name}-{ShownYear}.csv");
        }
        catch (ValidationException e)
        {
            return BadRequest($"{e.Field}: {e.Message}");
        }
    }

    /// <summary>A downloadable table, header first, every cell as published text; always suppressed, since it leaves Lantern.</summary>
    private async Task<(string Name, List<string[]> Rows)> TableAsync(string? table, CancellationToken ct)
    {
        var rows = new List<string[]>();
        if (table is "suspects" or "prosecuted" or "convicted")
        {
            var response = await offenders.Handle(HttpContext.Actor(), new CountOffenders.Request(ShownYear, Organisation, Public: true), ct);
            var t = response.Tables.Single(x => x.Name == table);
            rows.Add(["sex", .. t.Columns, "total"]);
            rows.AddRange(t.Rows.Select(row => (string[])[row.Group, .. row.Cells.Select(c => c.Text), row.Total.Text]));
            rows.Add(["total", .. t.ColumnTotals.Select(c => c.Text), t.Total.Text]);
            return (table, rows);
        }
        var victimsTable = await victims.Handle(HttpContext.Actor(), new CountVictims.Request(ShownYear, table, Organisation, Public: true), ct);
        rows.Add(["group", "count"]);
        rows.AddRange(victimsTable.Rows.Select(row => new[] { row.Group, row.Text }));
        return ("victims-by-" + victimsTable.By, rows);
    }

    public string XlsxLink(string table) => CsvLink(table).Replace("handler=Csv", "handler=Xlsx", StringComparison.Ordinal);

    public string CsvLink(string table)
    {
        var query = new Dictionary<string, string?> { ["handler"] = "Csv", ["table"] = table, ["year"] = ShownYear.ToString(System.Globalization.CultureInfo.InvariantCulture), ["organisation"] = Organisation };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/statistics/glotip", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public static string Title(string by) => by switch
    {
        "sex-age" => "Victims by sex and age",
        "exploitation" => "Victims by form of exploitation",
        "citizenship" => "Victims by citizenship",
        "organisation" => "Victims by organisation",
        "province" => "Victims by province of exploitation",
        "district" => "Victims by district of exploitation",
        _ => by,
    };

    /// <summary>
    /// Whether a group of a breakdown is data shown as recorded (a citizenship, an organisation, a place) rather than a
    /// word the catalogue translates (sex and age, form of exploitation, "unknown").
    /// </summary>
    public static bool IsData(string by, string group) => by is not ("sex-age" or "exploitation") && group != CountVictims.Unknown;
}
