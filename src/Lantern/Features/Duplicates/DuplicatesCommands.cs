using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Duplicates;

namespace Lantern.Features.Duplicates;

/// <summary>
/// <c>lantern duplicates list|show|confirm|reject|undo|link-pending</c> and <c>lantern link --database</c>, acting as the
/// local operator; <c>--organisation</c> shows the queue as a reviewer of that organisation sees it.
/// </summary>
internal static class DuplicatesCommands
{
    public static Command Create()
    {
        var duplicates = new Command("duplicates", "The possible-duplicates queue: pairs of person records that may be one person.");
        duplicates.Subcommands.Add(List());
        duplicates.Subcommands.Add(Show());
        duplicates.Subcommands.Add(Decide("confirm", "Confirm the two records are one person (they join one person identity; both are kept).", reasonRequired: false));
        duplicates.Subcommands.Add(Decide("reject", "Two different people; the pair is never proposed again.", reasonRequired: true));
        duplicates.Subcommands.Add(Decide("undo", "Undo a confirmed merge; the identity is rebuilt from the remaining confirmations.", reasonRequired: true));
        duplicates.Subcommands.Add(LinkPending());
        return duplicates;
    }

    /// <summary><c>lantern link --database</c>: the full run, progress on stderr, a summary line on stdout.</summary>
    public static Task<int> LinkDatabaseAsync(ParseResult parse, CancellationToken ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
    {
        var run = await services.GetRequiredService<LinkDatabase.Handler>().Handle(actor, m => Console.Error.WriteLine("link: " + m), ct);
        Console.WriteLine($"{run.Persons} persons; {run.CandidatePairs} candidate pairs compared; {run.Proposed} possible duplicates ({run.New} new, {run.Rescored} re-scored, {run.SkippedDecided} already decided)");
        return 0;
    }, ct);

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "open (default), confirmed, rejected, undone or all." };
        var limit = new Option<int?>("--limit") { Description = $"At most this many pairs (1-{ListDuplicates.MaxLimit}, default 100)." };
        var command = new Command("list", "Possible duplicates, most probable first: id, status, probability, the two records (or whom to contact).") { status, limit, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var list = await services.GetRequiredService<ListDuplicates.Handler>().Handle(actor, new ListDuplicates.Request(parse.GetValue(status) ?? "open", parse.GetValue(limit)), ct);
            foreach (var p in list.Pairs)
            {
                Console.WriteLine(p.Restricted
                    ? string.Join('\t', p.Id, Status(p.Status), "-", p.Known!.Name, p.Notice)
                    : string.Join('\t', p.Id, Status(p.Status), p.Probability!.Value.ToString("0.000", CultureInfo.InvariantCulture), p.Left!.Name, p.Right!.Name));
            }
            Console.Error.WriteLine($"{list.Pairs.Count} pair(s) listed; {list.Open} open in all");
            return 0;
        }, ct));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The pair's id." };
        var command = new Command("show", "One pair: both records, each field's comparison level, weight and term-frequency adjustment, and the probability.") { id, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var p = await services.GetRequiredService<GetDuplicate.Handler>().Handle(actor, ParseId(parse.GetValue(id)), ct);
            Console.WriteLine($"pair {p.Id}: {Status(p.Status)}");
            if (p.Restricted)
            {
                Console.WriteLine($"record: {p.Known!.Name} ({p.Known.RecordedBy})");
                Console.WriteLine(p.Notice);
                return 0;
            }
            Console.WriteLine($"probability: {p.Probability!.Value.ToString("0.0000", CultureInfo.InvariantCulture)} ({p.AlgorithmVersion}, {p.Explanation?.Method})");
            foreach (var r in new[] { p.Left!, p.Right! })
            {
                Console.WriteLine($"record: {r.Name}; born {r.BirthDate ?? "unknown"}; recorded by {r.RecordedBy} on {r.RecordedAt:yyyy-MM-dd}; cases {string.Join(", ", r.Cases)}; id {r.PersonId}");
            }
            if (p.Explanation is { } e)
            {
                Console.WriteLine(string.Join('\t', "field", "level", "weight", "tf"));
                Console.WriteLine(string.Join('\t', "prior", "", Bits(e.PriorWeight), ""));
                foreach (var f in e.Fields)
                {
                    Console.WriteLine(string.Join('\t', f.Field, f.Level, Bits(f.Weight), Bits(f.TermFrequencyAdjustment)));
                }
                Console.WriteLine(string.Join('\t', "total", "", Bits(e.MatchWeight), ""));
            }
            if (p.Decision is { } d)
            {
                Console.WriteLine($"decided by {d.By} at {d.At:yyyy-MM-dd HH:mm}Z{(d.Reason is null ? "" : ": " + d.Reason)}");
            }
            return 0;
        }, ct));
        return command;
    }

    private static Command Decide(string name, string description, bool reasonRequired)
    {
        var id = new Argument<string>("id") { Description = "The pair's id." };
        var reason = new Option<string?>("--reason") { Description = reasonRequired ? "Why (required)." : "Why (optional)." };
        var command = new Command(name, description) { id, reason };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var pair = ParseId(parse.GetValue(id));
            var text = parse.GetValue(reason);
            var view = name switch
            {
                "confirm" => await services.GetRequiredService<ConfirmDuplicate.Handler>().Handle(actor, pair, new ConfirmDuplicate.Request(text), ct),
                "reject" => await services.GetRequiredService<RejectDuplicate.Handler>().Handle(actor, pair, new RejectDuplicate.Request(text), ct),
                _ => await services.GetRequiredService<UndoDuplicate.Handler>().Handle(actor, pair, new UndoDuplicate.Request(text), ct),
            };
            Console.WriteLine($"{view.Id}\t{Status(view.Status)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command LinkPending()
    {
        var command = new Command("link-pending", "Link the persons created or changed since the last run (what `lantern serve` does in the background); a full run first if there has been none.");
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var handler = services.GetRequiredService<LinkPendingPersons.Handler>();
            LinkPendingPersons.Response run;
            var persons = 0;
            var proposed = 0;
            do
            {
                run = await handler.Handle(actor, ct);
                persons += run.Persons;
                proposed += run.Proposed;
                Console.Error.WriteLine($"link: {run.Persons} persons{(run.FullRun ? " (full run)" : "")}, {run.Proposed} possible duplicates");
            }
            while (run.Persons >= LinkPendingPersons.Batch && !run.FullRun);
            Console.WriteLine($"{persons} persons linked; {proposed} possible duplicates");
            return 0;
        }, ct));
        return command;
    }

    private static Guid ParseId(string? value) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException("id", $"'{value}' is not a pair id.");

    private static string Status(DuplicateStatus status) => status.ToString().ToLowerInvariant();

    private static string Bits(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
