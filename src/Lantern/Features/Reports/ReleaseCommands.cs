using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Reports;

namespace Lantern.Features.Reports;

/// <summary><c>lantern release ctdc</c> and <c>lantern release list</c>: anonymised releases and their log.</summary>
internal static class ReleaseCommands
{
    public static Command Create()
    {
        var release = new Command("release", "Anonymised releases of victim data (CTDC practice) and their log.") { Ctdc(), List() };
        return release;
    }

    /// <summary>
    /// <c>lantern release ctdc --from YYYY --to YYYY [--k 11] [--organisation NAME] --out FILE.csv [--as USERNAME]</c>.
    /// Options are read as text so that any bad value gives the one-line error naming the option.
    /// </summary>
    private static Command Ctdc()
    {
        var from = new Option<string?>("--from") { Description = "First year (cases opened), YYYY." };
        var to = new Option<string?>("--to") { Description = "Last year, YYYY." };
        var k = new Option<string?>("--k") { Description = "Every distinct row occurs at least k times (default 11)." };
        var organisation = new Option<string?>("--organisation") { Description = "Only the cases of this organisation (its name)." };
        var output = new Option<string?>("--out") { Description = "The CSV file to write." };
        var command = new Command("ctdc", "A CTDC-style k-anonymised victim dataset: one row per victim per year, generalised and suppressed to k.")
        {
            from, to, k, organisation, output, LocalCommand.As,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ValidationException("--out", "Give --out FILE.csv.");
            }
            var request = new ReleaseCtdc.Request(Number(parse.GetValue(from), "--from"), Number(parse.GetValue(to), "--to"), Number(parse.GetValue(k), "--k"),
                parse.GetValue(organisation));
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            ReleaseCtdc.Response response;
            try
            {
                response = await services.GetRequiredService<ReleaseCtdc.Handler>().Handle(actor, request, ct);
            }
            catch (ValidationException e) when (e.Field is "from" or "to" or "k" or "organisation")
            {
                throw new ValidationException("--" + e.Field, e.Message);
            }
            await File.WriteAllTextAsync(path, response.Csv, new System.Text.UTF8Encoding(false), ct);
            Console.Error.WriteLine($"{response.ReleasedRows} row(s) released, {response.SuppressedRows} suppressed of {response.SourceRows}; {response.Generalisation}; release {response.ReleaseId}");
            return 0;
        }, ct));
        return command;
    }

    private static int? Number(string? text, string option) => text is null ? null
        : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ValidationException(option, $"'{text}' is not a whole number.");

    /// <summary><c>lantern release list</c>: the release log as CSV.</summary>
    private static Command List()
    {
        var command = new Command("list", "The log of anonymised releases: CSV created,user,kind,from,to,k,organisation,source,released,suppressed,generalisation,sha256.") { LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var releases = await services.GetRequiredService<ListReleases.Handler>().Handle(actor, ct);
            Console.WriteLine("created,user,kind,from,to,k,organisation,source,released,suppressed,generalisation,sha256");
            foreach (var r in releases)
            {
                Console.WriteLine(string.Join(',',
                    r.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), CsvText.Cell(r.Username), r.Kind,
                    r.FromYear.ToString(CultureInfo.InvariantCulture), r.ToYear.ToString(CultureInfo.InvariantCulture), r.K.ToString(CultureInfo.InvariantCulture),
                    CsvText.Cell(r.Organisation), r.SourceRows.ToString(CultureInfo.InvariantCulture), r.ReleasedRows.ToString(CultureInfo.InvariantCulture),
                    r.SuppressedRows.ToString(CultureInfo.InvariantCulture), CsvText.Cell(r.Generalisation), r.Sha256));
            }
            return 0;
        }, ct));
        return command;
    }
}
