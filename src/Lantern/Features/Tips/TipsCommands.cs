using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Tips;
using Lantern.Core.Security;

namespace Lantern.Features.Tips;

/// <summary><c>lantern tips list|show|assign|urgent|link|open-case|close|settings</c>; each acts as the local operator, or with --as as that user.</summary>
internal static class TipsCommands
{
    public static Command Create()
    {
        var tips = new Command("tips", "The tip line: the triage queue and its actions.");
        tips.Subcommands.Add(List());
        tips.Subcommands.Add(Show());
        tips.Subcommands.Add(Assign());
        tips.Subcommands.Add(Urgent());
        tips.Subcommands.Add(Link());
        tips.Subcommands.Add(OpenCase());
        tips.Subcommands.Add(Close());
        tips.Subcommands.Add(Note());
        tips.Subcommands.Add(Settings());
        return tips;
    }

    private static Argument<string> TipArgument() => new("tip") { Description = "The tip's number (T-1234-5678) or id." };

    private static Command List()
    {
        var command = new Command("list", "The triage queue: urgent first, then all open tips oldest first, then overflow (number, id, received, waiting hours, province, district, children, urgent, state, assigned to, section)."
            ) { LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var board = await services.GetRequiredService<ListTips.Handler>().Handle(actor, ct);
            void Print(string section, IEnumerable<TipListItem> rows)
            {
                foreach (var t in rows)
                {
                    Console.WriteLine(string.Join('\t', t.Number, t.Id, t.ReceivedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
                        t.AgeHours.ToString(CultureInfo.InvariantCulture), t.Province, t.District ?? "", t.Children, t.Urgent ? "urgent" : "", t.State, t.AssignedTo ?? "", section));
                }
            }
            Print("urgent", board.Urgent);
            Print("open", board.OldestFirst);
            Print("overflow", board.Overflow);
            var rt = board.ResponseTimes;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{board.OldestFirst.Count} open, {board.Urgent.Count} urgent, {board.Overflow.Count} overflow, {board.Alerts.Count} alert(s); triage median {rt.TriageMedianHours?.ToString(CultureInfo.InvariantCulture) ?? "-"} h, p90 {rt.TriageP90Hours?.ToString(CultureInfo.InvariantCulture) ?? "-"} h; close median {rt.CloseMedianHours?.ToString(CultureInfo.InvariantCulture) ?? "-"} h, p90 {rt.CloseP90Hours?.ToString(CultureInfo.InvariantCulture) ?? "-"} h"));
            return 0;
        }, ct));
        return command;
    }

    private static Command Show()
    {
        var tip = TipArgument();
        var command = new Command("show", "One tip, as field<TAB>value lines (audited).") { tip, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            Print(await services.GetRequiredService<GetTip.Handler>().Handle(actor, id, ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command Assign()
    {
        var tip = TipArgument();
        var to = new Option<string>("--to") { Description = "Username of the user (of the tip's organisation, allowed to triage) to assign it to.", Required = true };
        var command = new Command("assign", "Assign a tip to a user.") { tip, to, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            Print(await services.GetRequiredService<TriageTip.AssignHandler>().Handle(actor, id, new TriageTip.AssignRequest(parse.GetValue(to)), ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command Urgent()
    {
        var tip = TipArgument();
        var child = new Option<bool>("--child-at-risk") { Description = "A child is at immediate risk: alerts the supervisor on duty." };
        var not = new Option<bool>("--not") { Description = "Take the urgent mark off." };
        var command = new Command("urgent", "Mark a tip urgent (or not).") { tip, child, not, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            Print(await services.GetRequiredService<TriageTip.UrgentHandler>().Handle(actor, id, new TriageTip.UrgentRequest(!parse.GetValue(not), parse.GetValue(child)), ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command Link()
    {
        var tip = TipArgument();
        var caseId = new Option<Guid>("--case") { Description = "Id of a case the acting user can see.", Required = true };
        var command = new Command("link", "Link a tip to an existing case.") { tip, caseId, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            Print(await services.GetRequiredService<TriageTip.LinkHandler>().Handle(actor, id, new TriageTip.LinkRequest(parse.GetValue(caseId)), ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command OpenCase()
    {
        var tip = TipArgument();
        var reference = new Option<string?>("--reference") { Description = "Case reference (default TIP- and the tip's digits)." };
        var summary = new Option<string?>("--summary") { Description = "Case summary (default: prefilled from the tip)." };
        var command = new Command("open-case", "Open a new case prefilled from the tip and link them; prints the case id and reference.") { tip, reference, summary, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            var created = await services.GetRequiredService<OpenCaseFromTip.Handler>().Handle(actor, id, new OpenCaseFromTip.Request(parse.GetValue(reference), parse.GetValue(summary)), ct);
            Console.WriteLine(created.CaseId + "\t" + created.Reference);
            return 0;
        }, ct));
        return command;
    }

    private static Command Close()
    {
        var tip = TipArgument();
        var reason = new Option<string>("--reason") { Description = "Why: " + string.Join(", ", Enum.GetNames<TipCloseReason>()) + ".", Required = true };
        var note = new Option<string?>("--note") { Description = "A short note." };
        var command = new Command("close", "Close a tip with a reason.") { tip, reason, note, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            Print(await services.GetRequiredService<TriageTip.CloseHandler>().Handle(actor, id, new TriageTip.CloseRequest(parse.GetValue(reason), parse.GetValue(note)), ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command Note()
    {
        var tip = TipArgument();
        var text = new Option<string>("--text") { Description = "The note (kept encrypted with the tip, never shown to the reporter).", Required = true };
        var command = new Command("note", "Add a note by the hotline team to a tip.") { tip, text, LocalCommand.As };
        command.SetAction((parse, ct) => OnTip(parse, tip, async (services, actor, id) =>
        {
            Print(await services.GetRequiredService<TriageTip.NoteHandler>().Handle(actor, id, new TriageTip.NoteRequest(parse.GetValue(text)), ct));
            return 0;
        }, ct));
        return command;
    }

    private static Command Settings()
    {
        var hotline = new Option<string?>("--hotline-organisation") { Description = "Name of the organisation whose queue receives public tips." };
        var reset = new Option<bool>("--default-hotline") { Description = "Go back to the default: the first law-enforcement organisation." };
        var cap = new Option<int?>("--hourly-cap") { Description = "Public tips an hour that reach the queue; more go to the overflow bucket." };
        var command = new Command("settings", "Show or set which organisation receives public tips and the hourly cap.") { hotline, reset, cap, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var handler = services.GetRequiredService<TipLineSetup.Handler>();
            var change = parse.GetValue(hotline) is not null || parse.GetValue(reset) || parse.GetValue(cap) is not null;
            var view = change
                ? await handler.SetAsync(actor, new TipLineSetup.Request(parse.GetValue(hotline), parse.GetValue(cap), parse.GetValue(reset)), ct)
                : await handler.GetAsync(actor, ct);
            Console.WriteLine("hotline-organisation\t" + (view.HotlineOrganisation ?? "(none)") + (view.HotlineIsDefault ? " (default)" : ""));
            Console.WriteLine("hourly-cap\t" + view.HourlyCap.ToString(CultureInfo.InvariantCulture));
            return 0;
        }, ct));
        return command;
    }

    private static Task<int> OnTip(ParseResult parse, Argument<string> tip, Func<IServiceProvider, Actor, Guid, Task<int>> action, CancellationToken ct) =>
        LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var id = await services.GetRequiredService<GetTip.Handler>().ResolveAsync(actor, parse.GetValue(tip) ?? "", ct);
            if (id == Guid.Empty)
            {
                throw new NotFoundException("The tip");
            }
            return await action(services, actor, id);
        }, ct);

    private static void Print(TipView t)
    {
        var rows = new (string, string?)[]
        {
            ("number", t.Number), ("id", t.Id.ToString()), ("channel", t.Channel.ToString()), ("bucket", t.Bucket.ToString()),
            ("received", t.ReceivedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)), ("what-happened", t.WhatHappened.ReplaceLineEndings(" ")),
            ("province", t.Province.ToString()), ("district", t.District), ("place", t.Place), ("when", t.WhenHappened), ("children", t.Children.ToString()),
            ("people", t.PeopleCount?.ToString(CultureInfo.InvariantCulture)), ("contact", t.ContactConsent ? t.Contact : null),
            ("call", t.CallLanguage is null ? null : $"{t.CallDurationMinutes} min, {t.CallLanguage}, by {t.RecordedBy}"),
            ("state", t.State.ToString()), ("urgent", t.Urgent ? "yes" : "no"), ("assigned-to", t.AssignedTo), ("case", t.CaseId?.ToString()),
            ("close-reason", t.CloseReason?.ToString()), ("close-note", t.CloseNote),
        };
        foreach (var (field, value) in rows.Where(r => r.Item2 is not null))
        {
            Console.WriteLine(field + "\t" + value);
        }
        foreach (var a in t.Additions)
        {
            Console.WriteLine("added\t" + a.At.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) + " " + (a.FromReporter ? "reporter" : a.Author is { } author ? "note by " + author : "hotline") + ": " + a.Text.ReplaceLineEndings(" "));
        }
    }
}
