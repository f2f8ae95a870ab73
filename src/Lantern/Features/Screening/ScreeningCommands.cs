using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Screening;

namespace Lantern.Features.Screening;

/// <summary><c>lantern identify</c>: one indicator-based assessment, evaluated and printed, never stored; needs no database.</summary>
internal static class ScreeningCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        MaxDepth = 8,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Identify()
    {
        var answers = new Option<FileInfo>("--answers")
        {
            Description = "JSON {\"population\": \"adult\"|\"child\", \"exploitation\": \"labour\"|\"sexual\", \"yes\": [indicators], \"unknown\": [indicators]}; an indicator is its text, or \"dimension: text\" where the text appears in more than one dimension.",
            Required = true,
        };
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "An indicator catalogue CSV to use instead of the bundled ILO/EC 2009 lists." };
        var rules = new Option<FileInfo?>("--rules") { Description = "A combination rule file (JSON) to use instead of the bundled reading A." };
        var command = new Command("identify", "Evaluate one ILO/EC indicator-based assessment and print the result as JSON, without storing it.") { answers, catalogue, rules };
        command.SetAction(parse =>
        {
            try
            {
                var screening = Screening(parse.GetValue(catalogue), parse.GetValue(rules));
                var result = screening.Assess(ReadAnswers(parse.GetValue(answers)!));
                Console.WriteLine(JsonSerializer.Serialize(Output.From(result), JsonOptions));
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return command;
    }

    /// <summary><c>lantern screening catalogue show|import</c>: the indicator catalogue in force, and corrected versions.</summary>
    public static Command Catalogue()
    {
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table", Description = "table, csv or json." };
        var show = new Command("show", "Print the indicator catalogue in force: list, dimension, indicator, strength, verification.") { format };
        show.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var view = await services.GetRequiredService<ManageCatalogue.Handler>().CurrentAsync(actor, ct);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(view, JsonOptions));
                    break;
                case "csv":
                    Console.WriteLine("population,exploitation,dimension,indicator,strength,verification");
                    foreach (var i in view.Indicators)
                    {
                        Console.WriteLine(string.Join(',', IndicatorTerms.Name(i.Population), IndicatorTerms.Name(i.Exploitation), CsvText.Cell(i.Dimension), CsvText.Cell(i.Text), IndicatorTerms.Name(i.Strength), CsvText.Cell(i.Verification)));
                    }
                    break;
                case "table":
                    Console.WriteLine($"{view.Label} ({view.Version}); rules: {view.RuleSet}");
                    foreach (var i in view.Indicators)
                    {
                        Console.WriteLine(string.Join('\t', IndicatorTerms.ListName(i.Population, i.Exploitation), i.Dimension, i.Text, IndicatorTerms.Name(i.Strength), i.Verification));
                    }
                    break;
                default:
                    throw new ValidationException("--format", $"'{parse.GetValue(format)}' is not a format; use table, csv or json.");
            }
            return 0;
        }, ct));
        var file = new Argument<FileInfo>("FILE") { Description = "The corrected catalogue as CSV (population,exploitation,dimension,indicator,strength,verification)." };
        var label = new Option<string>("--label") { Required = true, Description = "What this version is, e.g. 'ILO/EC 2009, strengths checked against WCMS_105023'." };
        var rules = new Option<FileInfo?>("--rules") { Description = "Combination rules (JSON) to use with it; default reading A." };
        var import = new Command("import", "Import a corrected catalogue version; new assessments use it, existing ones keep theirs.") { file, label, rules };
        import.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var csv = Read(parse.GetValue(file)!, "FILE");
            var rulesFile = parse.GetValue(rules);
            var version = await services.GetRequiredService<ManageCatalogue.Handler>()
                .ImportAsync(actor, new ManageCatalogue.ImportRequest(csv, parse.GetValue(label), rulesFile is null ? null : Read(rulesFile, "--rules")), ct);
            Console.WriteLine(version.Version);
            return 0;
        }, ct));
        return new Command("screening", "Indicator-based screening: the ILO/EC indicator catalogue.") { new Command("catalogue", "The indicator catalogue.") { show, import } };
    }

    private static IndicatorScreening Screening(FileInfo? catalogue, FileInfo? rules) =>
        catalogue is null && rules is null
            ? IndicatorScreening.Bundled
            : new IndicatorScreening(
                catalogue is null ? IndicatorCatalogue.Bundled : IndicatorCatalogue.Parse(Read(catalogue, "--catalogue"), catalogue.Name),
                rules is null ? CombinationRules.ReadingA : CombinationRules.Parse(Read(rules, "--rules"), rules.Name));

    private static AssessmentAnswers ReadAnswers(FileInfo file)
    {
        AnswersFile? input;
        try
        {
            input = JsonSerializer.Deserialize<AnswersFile>(Read(file, "--answers"), JsonOptions);
        }
        catch (JsonException e)
        {
            var error = CaseDocument.JsonError(e);
            throw new ValidationException("--answers", $"{file.Name}: {error.Field}: {error.Message}");
        }
        if (input is null)
        {
            throw new ValidationException("--answers", $"{file.Name} holds null, not an answers object.");
        }
        return new AssessmentAnswers(
            IndicatorTerms.ParsePopulation(input.Population, "population"),
            IndicatorTerms.ParseExploitation(input.Exploitation, "exploitation"),
            input.Yes ?? [],
            input.Unknown ?? []);
    }

    private static string Read(FileInfo file, string option) =>
        file.Exists ? File.ReadAllText(file.FullName) : throw new ValidationException(option, $"{file.Name}: no such file.");

    private sealed record AnswersFile(string? Population, string? Exploitation, List<string>? Yes, List<string>? Unknown);

    private sealed record Output(bool Indicated, IReadOnlyList<string> PositiveDimensions, IReadOnlyList<OutputDimension> Dimensions, string Rule, string CatalogueVersion)
    {
        public static Output From(AssessmentResult r) => new(
            r.Indicated,
            r.PositiveDimensions,
            r.Dimensions.Select(d => new OutputDimension(d.Name, d.Positive, d.Strong, d.Medium, d.Weak, d.Because)).ToList(),
            r.Rule,
            r.CatalogueVersion);
    }

    private sealed record OutputDimension(string Name, bool Positive, int Strong, int Medium, int Weak, string Because);
}
