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
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        try
        {
            return await CsvAsync(table, ct);
        }
        catch (ValidationException e)
        {
            return BadRequest($"{e.Field}: {e.Message}");
        }
    }

    private async Task<IActionResult> CsvAsync(string? table, CancellationToken ct)
    {
        var csv = new StringBuilder();
        string name;
        if (table is "suspects" or "prosecuted" or "convicted")
        {
            var response = await offenders.Handle(HttpContext.Actor(), new CountOffenders.Request(ShownYear, Organisation, Public: true), ct);
            var t = response.Tables.Single(x => x.Name == table);
            csv.Append("sex,").AppendJoin(',', t.Columns.Select(CsvText.Cell)).Append(",total\n");
            foreach (var row in t.Rows)
            {
                csv.Append(CsvText.Cell(row.Group)).Append(',').AppendJoin(',', row.Cells.Select(c => c.Text)).Append(',').Append(row.Total.Text).Append('\n');
            }
            csv.Append("total,").AppendJoin(',', t.ColumnTotals.Select(c => c.Text)).Append(',').Append(t.Total.Text).Append('\n');
            name = table;
        }
        else
        {
            var response = await victims.Handle(HttpContext.Actor(), new CountVictims.Request(ShownYear, table, Organisation, Public: true), ct);
            csv.Append("group,count\n");
            foreach (var row in response.Rows)
            {
                csv.Append(CsvText.Cell(row.Group)).Append(',').Append(row.Text).Append('\n');
            }
            name = "victims-by-" + response.By;
        }
        return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType,
            $"{name}-{ShownYear}.csv");
    }

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

    /// <summary>Bars for the shown counts; a hidden count gets no bar (its table row says why).</summary>
    public static IReadOnlyList<Charts.Bar> Bars(IEnumerable<CountVictims.GroupCount> rows, bool words = false) =>
        [.. rows.Where(r => r.Value is > 0).Select(r => new Charts.Bar(words ? Words.Of(r.Group) : r.Group, r.Value!.Value))];
}
