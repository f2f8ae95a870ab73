using System.Globalization;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>
/// The National Action Plan indicators: value for a year or a period, baseline, target, progress, and a chart of the
/// years with its table and a CSV download. Suppressed for users without exact figures and whenever "as published" is
/// chosen; a download is always suppressed, since it leaves Lantern (docs/decisions/0026-nap-indicators-as-data.md).
/// </summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class IndicatorsModel(ListNapIndicators.Handler indicators, TimeProvider clock) : FormPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public bool Public { get; set; }

    public ListNapIndicators.Response? Result { get; private set; }

    /// <summary>The form always carries a year; filling either date asks for a period instead.</summary>
    private bool PeriodGiven => !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    public int ShownYear => Year ?? clock.GetUtcNow().Year;

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () => Result = await indicators.Handle(HttpContext.Actor(), Query(Public, null), ct));

    /// <summary>
    /// CSV, always suppressed: one indicator's series by year (<paramref name="code"/>), or every indicator's figures
    /// for the period.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(string? code, CancellationToken ct)
    {
        try
        {
            var response = await indicators.Handle(HttpContext.Actor(), Query(@public: true, string.IsNullOrWhiteSpace(code) ? null : code), ct);
            var csv = new StringBuilder();
            if (code is null)
            {
                csv.Append(ListNapIndicators.CsvHeader).Append('\n');
                foreach (var i in response.Indicators)
                {
                    csv.Append(ListNapIndicators.CsvLine(i)).Append('\n');
                }
                return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType, $"nap-indicators-{Code(response.Period)}.csv");
            }
            var indicator = response.Indicators[0];
            csv.Append("period,value,numerator,denominator,expected,target\n");
            foreach (var p in indicator.Series)
            {
                csv.Append(CsvText.Row(p.Period, p.Value.Text, p.Numerator.Text, p.Denominator?.Text ?? "") + "," + Number(p.Expected) + "," + Number(indicator.Target.Value)).Append('\n');
            }
            return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType, $"nap-indicator-{Code(indicator.Code)}.csv");
        }
        catch (ValidationException e)
        {
            return BadRequest($"{e.Field}: {e.Message}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private ListNapIndicators.Request Query(bool @public, string? code) =>
        new(PeriodGiven ? null : ShownYear, From, To, @public, code);

    public string CsvLink(string? code)
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = "Csv",
            ["code"] = code,
            ["year"] = PeriodGiven ? null : ShownYear.ToString(Invariant),
            ["from"] = From,
            ["to"] = To,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/statistics/indicators", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public static string Number(double? value) => ListNapIndicators.CsvNumber(value);

    /// <summary>A progress bar's value: the share of the way, held between 0 and 100.</summary>
    public static string Bar(double progress) => Math.Clamp(progress, 0, 100).ToString("0.#", Invariant);

    private static string Code(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-')]);
}
