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
