using System.CommandLine;
using Lantern.Cli;
using Lantern.Core.Features.Intelligence;
using Lantern.Features.Evidence;

namespace Lantern.Features.Intelligence;

/// <summary><c>lantern intelligence add|list</c>, acting as the local operator. Every line carries the grading, e.g. "B2 · H1".</summary>
internal static class IntelligenceCommands
{
    public static Command Create()
    {
        var intelligence = new Command("intelligence", "Intelligence items of a case, graded by source reliability (A, B, C, X), information accuracy (1-4) and handling code (H0-H3).");
        intelligence.Subcommands.Add(Add());
        intelligence.Subcommands.Add(List());
        return intelligence;
    }

    private static Command Add()
    {
        var caseId = new Argument<string>("CASE_ID") { Description = "The case id." };
        var text = new Option<string?>("--text") { Description = "The intelligence.", Required = true };
        var source = new Option<string?>("--source") { Description = "Source reliability: A, B, C or X.", Required = true };
        var accuracy = new Option<string?>("--accuracy") { Description = "Information accuracy: 1, 2, 3 or 4.", Required = true };
        var handling = new Option<string?>("--handling") { Description = "Handling code: H0 (law enforcement), H1 (not evidence without the source's permission), H2 (no dissemination without the originator's permission), H3 (other restrictions, say which with --conditions).", Required = true };
        var conditions = new Option<string?>("--conditions") { Description = "The restrictions of an H3 item." };
        var command = new Command("add", "Record an intelligence item on a case; prints its id, label and grading.") { caseId, text, source, accuracy, handling, conditions };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var added = await services.GetRequiredService<AddIntelligence.Handler>().Handle(actor, EvidenceCommands.CaseIdOf(parse.GetValue(caseId)),
                new AddIntelligence.Request(parse.GetValue(text), parse.GetValue(source), parse.GetValue(accuracy), parse.GetValue(handling), parse.GetValue(conditions)), ct);
            Console.WriteLine(string.Join('\t', added.Id, added.Label, added.Grading));
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var caseId = new Argument<string>("CASE_ID") { Description = "The case id." };
        var command = new Command("list", "List a case's intelligence items (id, label, grading, recorded, text; then the handling meaning).") { caseId };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var list = await services.GetRequiredService<ListIntelligence.Handler>().Handle(actor, EvidenceCommands.CaseIdOf(parse.GetValue(caseId)), ct);
            foreach (var i in list.Items)
            {
                Console.WriteLine(string.Join('\t', i.Id, i.Label, i.Grading, i.RecordedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), i.Text.ReplaceLineEndings(" "), i.HandlingMeaning));
            }
            Console.Error.WriteLine($"{list.Items.Count} item(s) in {list.CaseReference}");
            return 0;
        }, ct));
        return command;
    }
}
