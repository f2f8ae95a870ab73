using System.CommandLine;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Reports;
using Lantern.Core.Features.Statistics;

namespace Lantern.Features.Reports;

/// <summary><c>lantern report annual</c>: the annual report as a PDF (ADR 0022).</summary>
internal static class ReportCommands
{
    public static Command Create() => new("report", "Published reports.") { Annual() };

    /// <summary>
    /// <c>lantern report annual (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD) [--organisation NAME] [--template FILE] --out report.pdf [--as USERNAME]</c>.
    /// Progress goes to stderr; the PDF is written only when it is complete.
    /// </summary>
    private static Command Annual()
    {
        var year = new Option<string?>("--year") { Description = "The year, YYYY." };
        var from = new Option<string?>("--from") { Description = "Instead of --year, a period from this day (YYYY-MM-DD) ..." };
        var to = new Option<string?>("--to") { Description = "... to this day (YYYY-MM-DD), included." };
        var organisation = new Option<string?>("--organisation") { Description = "Only this organisation's cases and inspections (its name)." };
        var template = new Option<string?>("--template") { Description = "A template file for this report (default: the organisation's template, else the bundled one)." };
        var output = new Option<string?>("--out") { Description = "The PDF file to write." };
        var command = new Command("annual", "The annual report on human trafficking and migrant smuggling (PDF; small counts suppressed).")
        {
            year, from, to, organisation, template, output, LocalCommand.As,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ValidationException("--out", "Give --out FILE.pdf.");
            }
            string? text = null;
            if (parse.GetValue(template) is { } file)
            {
                text = File.Exists(file) ? await File.ReadAllTextAsync(file, ct) : throw new ValidationException("--template", $"There is no file '{file}'.");
            }
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            GenerateAnnualReport.Response response;
            try
            {
                var parsedYear = CountVictims.ParseYear(parse.GetValue(year));
                response = await services.GetRequiredService<GenerateAnnualReport.Handler>().Handle(actor,
                    new GenerateAnnualReport.Request(parsedYear, parse.GetValue(organisation), text, parse.GetValue(from), parse.GetValue(to)), ct, new Progress(step => Console.Error.WriteLine($"annual report: {step}")));
            }
            catch (ValidationException e) when (e.Field is "year" or "from" or "to" or "organisation" or "template")
            {
                throw new ValidationException("--" + e.Field, e.Message);
            }
            await File.WriteAllBytesAsync(path, response.Pdf, ct);
            Console.Error.WriteLine($"annual report: {response.Pages} pages written to {path}");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Reports each step at once, on the caller's thread (System.Progress would post to the thread pool and print late).</summary>
    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
