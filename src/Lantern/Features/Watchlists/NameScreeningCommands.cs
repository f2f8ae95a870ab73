using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Features.Linkage;

namespace Lantern.Features.Watchlists;

/// <summary>
/// <c>lantern name-screening name|batch|rescreen</c> and <c>lantern alerts list|show|confirm|dismiss</c>: name screening
/// inside the database, as the local operator (screening for the first organisation) or, with <c>--as USERNAME</c>,
/// as that user (audited under the operator's name).
/// </summary>
internal static class NameScreeningCommands
{

    public static Command Create()
    {
        var command = new Command("name-screening", "Screen names against the watchlists in the database: one name, a batch file, or re-screening after list changes.");
        command.Subcommands.Add(Name());
        command.Subcommands.Add(Batch());
        command.Subcommands.Add(Rescreen());
        return command;
    }

    public static Command Alerts()
    {
        var command = new Command("alerts", "The name-screening alert queue: list, show, confirm, dismiss.");
        command.Subcommands.Add(ListAlerts());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Decide("confirm", "Confirm an open alert (reason optional).", dismiss: false));
        command.Subcommands.Add(Decide("dismiss", "Dismiss an open alert with a reason; the same input and entry stay quiet until the entry changes.", dismiss: true));
        return command;
    }

    private static Command Name()
    {
        var name = new Argument<string>("name") { Description = "The name to screen." };
        var birth = new Option<string?>("--birth-date") { Description = "Birth date (1985-03-14, 03/1985, 1985)." };
        var nationality = new Option<string?>("--nationality") { Description = "ISO 3166 two-letter code, such as PK." };
        var nationalId = new Option<string?>("--national-id") { Description = "CNIC or other national identity number." };
        var passport = new Option<string?>("--passport") { Description = "Passport number." };
        var profile = new Option<string?>("--profile") { Description = "A screening profile of the organisation (name or id); default: every list at the default threshold." };
        var command = new Command("name", "Screen one name; hits best first with their explanation, one per line (score, list, entry, alert).") { name, birth, nationality, nationalId, passport, profile, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var profileId = await ProfileAsync(services, actor, parse.GetValue(profile), ct);
            var result = await services.GetRequiredService<ScreeningNames.Handler>().Handle(actor,
                new ScreeningNames.Request(parse.GetValue(name), parse.GetValue(birth), parse.GetValue(nationality), parse.GetValue(nationalId), parse.GetValue(passport), profileId), ct);
            foreach (var h in result.Hits)
            {
                Console.WriteLine(string.Join('\t', h.Score.ToString("0.0000", CultureInfo.InvariantCulture), h.ListName, h.Restricted ? "restricted" : h.EntryExternalId + " " + h.EntryName,
                    h.AlertId?.ToString() ?? "-", h.Suppressed ? "suppressed" : h.AlertStatus ?? "-", h.Restricted ? h.Notice : h.Explanation));
            }
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"name-screening: {result.Hits.Count} hit(s) against {result.Lists.Count} list(s) at {result.Threshold:0.00}; {result.AlgorithmVersion}; {result.Milliseconds:0.0} ms"));
            return 0;
        }, ct));
        return command;
    }

    private static Command Batch()
    {
        var file = new Option<string>("--file") { Description = "CSV with id,name[,birth_date,nationality,national_id,passport].", Required = true };
        var profile = new Option<string?>("--profile") { Description = "A screening profile of the organisation (name or id)." };
        var output = new Option<string?>("--out") { Description = "Where to write the results CSV (input_id,list,list_entry,score,explanation); default: standard output." };
        var command = new Command("batch", "Submit a batch file, screen it now (progress on stderr) and write its results.") { file, profile, output, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var path = LinkageCommands.FromCaller(parse.GetValue(file)!);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ValidationException("--file", $"cannot read {path}: {e.Message}");
            }
            var profileId = await ProfileAsync(services, actor, parse.GetValue(profile), ct);
            var batch = await services.GetRequiredService<ScreeningBatches.SubmitHandler>().Handle(actor, new ScreeningBatches.SubmitRequest(Path.GetFileName(path), profileId, Csv: text), ct);
            var run = services.GetRequiredService<ScreeningBatches.RunHandler>();
            var system = Actor.LocalOperator(actor.OrganisationId);
            ScreeningBatchView? view;
            do
            {
                view = await run.Handle(system, ct, batch.Id);
                if (view is not null)
                {
                    Console.Error.WriteLine($"name-screening: {view.Done}/{view.Total} screened, {view.Hits} hits");
                }
            }
            while (view is { Status: "queued" or "running" });
            var results = await services.GetRequiredService<ScreeningBatches.ResultsHandler>().Handle(actor, batch.Id, ct);
            if (parse.GetValue(output) is { } o)
            {
                await File.WriteAllTextAsync(LinkageCommands.FromCaller(o), results, ct);
            }
            else
            {
                Console.Write(results);
            }
            Console.Error.WriteLine($"name-screening: batch {batch.Id} {view?.Status ?? "done"}");
            return view?.Status == "failed" ? 1 : 0;
        }, ct));
        return command;
    }

    private static Command Rescreen()
    {
        var command = new Command("rescreen", "Re-screen the screened population against the entries changed since the last re-screening of each list (what `lantern serve` does in the background).");
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var run = await services.GetRequiredService<ScreeningRescreen.Handler>().Handle(actor, ct);
            foreach (var l in run.Lists)
            {
                Console.WriteLine(string.Join('\t', l.ListId, l.ListVersion, $"changed {l.ChangedEntries}", $"removed {l.RemovedEntries}", $"subjects {l.Subjects}", $"raised {l.Raised}", $"updated {l.Updated}", $"closed {l.Closed}"));
            }
            Console.Error.WriteLine($"name-screening: {run.Lists.Count} list(s) re-screened");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListAlerts()
    {
        var status = new Option<string?>("--status") { Description = "open (default), confirmed, dismissed, closed or all." };
        var batch = new Option<string?>("--batch") { Description = "Only the alerts of this batch." };
        var command = new Command("list", "Alerts, best score first: id, status, score, list, subject, entry.") { status, batch, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var list = await services.GetRequiredService<AlertReview.ListHandler>().Handle(actor,
                new AlertReview.ListRequest(parse.GetValue(status) ?? "open", null, parse.GetValue(batch) is { } b ? ParseId(b, "--batch") : null), ct);
            foreach (var a in list.Alerts)
            {
                Console.WriteLine(string.Join('\t', a.Id, a.Status, a.Score.ToString("0.0000", CultureInfo.InvariantCulture), a.ListName, a.SubjectName, a.Restricted ? "restricted" : a.EntryName));
            }
            Console.Error.WriteLine($"{list.Alerts.Count} alert(s) listed; {list.Open} open in all");
            return 0;
        }, ct));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The alert's id." };
        var command = new Command("show", "One alert: subject, entry, explanation, versions and decision.") { id, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var a = await services.GetRequiredService<AlertReview.GetHandler>().Handle(actor, ParseId(parse.GetValue(id), "id"), ct);
            Print(a);
            return 0;
        }, ct));
        return command;
    }

    private static Command Decide(string name, string description, bool dismiss)
    {
        var id = new Argument<string>("id") { Description = "The alert's id." };
        var reason = new Option<string?>("--reason") { Description = dismiss ? "Why (required)." : "Why (optional)." };
        var command = new Command(name, description) { id, reason, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var alert = ParseId(parse.GetValue(id), "id");
            var request = new AlertReview.DecideRequest(parse.GetValue(reason));
            var view = dismiss
                ? await services.GetRequiredService<AlertReview.DismissHandler>().Handle(actor, alert, request, ct)
                : await services.GetRequiredService<AlertReview.ConfirmHandler>().Handle(actor, alert, request, ct);
            Console.WriteLine($"{view.Id}\t{view.Status}");
            return 0;
        }, ct));
        return command;
    }

    private static void Print(AlertView a)
    {
        Console.WriteLine($"alert {a.Id}: {a.Status}; score {a.Score.ToString("0.0000", CultureInfo.InvariantCulture)}; list {a.ListName} ({a.ListVersion}); entry v{a.EntryVersion}; {a.AlgorithmVersion}");
        Console.WriteLine($"subject: {a.Subject.ExternalId} {a.Subject.Name}; born {a.Subject.BirthDate ?? "unknown"}; nationality {a.Subject.Nationality ?? "unknown"}");
        if (a.Entry is { } e)
        {
            Console.WriteLine($"entry: {e.ExternalId} {e.Name}{(e.Aliases.Count > 0 ? " (" + string.Join("; ", e.Aliases) + ")" : "")}; born {e.BirthDate ?? "unknown"}; {e.Reason}");
            Console.WriteLine($"why: {a.Explanation}");
        }
        else
        {
            Console.WriteLine(a.Notice);
        }
        if (a.Note is { } note)
        {
            Console.WriteLine(note);
        }
        if (a.Decision is { } d)
        {
            Console.WriteLine($"decided by {d.By ?? "the system"} at {d.At:yyyy-MM-dd HH:mm}Z{(d.Reason is null ? "" : ": " + d.Reason)}");
        }
    }

    private static async Task<Guid?> ProfileAsync(IServiceProvider services, Actor actor, string? value, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }
        var profiles = await services.GetRequiredService<ProfileSettings.ListHandler>().Handle(actor, ct);
        return profiles.FirstOrDefault(p => string.Equals(p.Name, value.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new ValidationException("--profile", $"There is no screening profile named '{value}'.");
    }

    private static Guid ParseId(string? value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, $"'{value}' is not an id.");
}
