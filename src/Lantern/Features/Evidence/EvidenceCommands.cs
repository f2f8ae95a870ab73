using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Evidence;

namespace Lantern.Features.Evidence;

/// <summary><c>lantern evidence add|list|verify|custody|get</c>, acting as the local operator.</summary>
internal static class EvidenceCommands
{
    /// <summary>Exit code of <c>evidence verify</c> when any exhibit fails its integrity check.</summary>
    public const int IntegrityFailure = 6;

    public static Command Create()
    {
        var evidence = new Command("evidence", "The evidence register of a case: exhibits sealed by SHA-256, their chain of custody and integrity.");
        evidence.Subcommands.Add(Add());
        evidence.Subcommands.Add(List());
        evidence.Subcommands.Add(Verify());
        evidence.Subcommands.Add(Custody());
        evidence.Subcommands.Add(Get());
        return evidence;
    }

    private static Command Add()
    {
        var caseId = new Argument<string>("CASE_ID") { Description = "The case id." };
        var file = new Argument<FileInfo?>("FILE") { Description = "The file to take in (omit with --kind physical-item).", Arity = ArgumentArity.ZeroOrOne };
        var title = new Option<string?>("--title") { Description = "Title of the exhibit.", Required = true };
        var kind = new Option<string?>("--kind") { Description = "document, photo, audio, video or physical-item (default: from the file's content)." };
        var description = new Option<string?>("--description") { Description = "What it is and where it came from." };
        var collectedOn = new Option<string?>("--collected-on") { Description = "Date collected, yyyy-MM-dd." };
        var collectedBy = new Option<string?>("--collected-by") { Description = "Officer who collected it." };
        var collectedWhere = new Option<string?>("--collected-where") { Description = "Place collected." };
        var seal = new Option<string?>("--seal") { Description = "Seal or evidence-bag number." };
        var command = new Command("add", "Take an exhibit into a case's evidence register; prints its id, label and SHA-256.") { caseId, file, title, kind, description, collectedOn, collectedBy, collectedWhere, seal };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var id = CaseIdOf(parse.GetValue(caseId));
            byte[]? content = null;
            string? name = null;
            if (parse.GetValue(file) is { } info)
            {
                if (!info.Exists)
                {
                    throw new ValidationException("FILE", $"There is no file {info.FullName}.");
                }
                var limit = services.GetRequiredService<Core.Persistence.LanternOptions>().MaxEvidenceBytes;
                if (info.Length > limit)
                {
                    throw new ValidationException("file", string.Create(CultureInfo.InvariantCulture, $"The file is too large: at most {limit / (1024 * 1024)} MB is accepted."));
                }
                content = await File.ReadAllBytesAsync(info.FullName, ct);
                name = info.Name;
            }
            DateOnly? on = parse.GetValue(collectedOn) is { Length: > 0 } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new ValidationException("--collected-on", "Write the date as yyyy-MM-dd.")
                : null;
            var added = await services.GetRequiredService<AddEvidence.Handler>().Handle(actor, id, new AddEvidence.Request(parse.GetValue(title), parse.GetValue(description),
                parse.GetValue(kind), on, parse.GetValue(collectedBy), parse.GetValue(collectedWhere), parse.GetValue(seal), name, content), ct);
            Console.WriteLine(string.Join('\t', added.Id, added.Label, added.ContentType ?? "physical item", added.Sha256 ?? ""));
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var caseId = new Argument<string>("CASE_ID") { Description = "The case id." };
        var command = new Command("list", "List a case's exhibits (id, label, kind, type, size, SHA-256, holder, integrity, title).") { caseId };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var register = await services.GetRequiredService<ListEvidence.Handler>().Handle(actor, CaseIdOf(parse.GetValue(caseId)), ct);
            foreach (var e in register.Items)
            {
                Console.WriteLine(string.Join('\t', e.Id, e.Label, AddEvidence.KindName(e.Kind), e.ContentType ?? "", e.Size?.ToString(CultureInfo.InvariantCulture) ?? "",
                    e.Sha256 ?? "", e.CurrentHolder, Integrity(e.IntegrityIntact), e.Title));
            }
            Console.Error.WriteLine($"{register.Items.Count} exhibit(s) in {register.CaseReference}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Verify()
    {
        var caseId = new Argument<string>("CASE_ID") { Description = "The case id." };
        var command = new Command("verify", $"Re-hash every exhibit of a case against its intake SHA-256; exits {IntegrityFailure} if any does not match.") { caseId };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var results = await services.GetRequiredService<VerifyEvidence.Handler>().HandleCase(actor, CaseIdOf(parse.GetValue(caseId)), ct);
            foreach (var r in results)
            {
                Console.WriteLine(string.Join('\t', r.Id, r.Label, !r.HasFile ? "no-file" : r.Intact ? "intact" : "MISMATCH", r.Expected ?? "", r.Actual ?? "", r.Problem ?? ""));
            }
            var failed = results.Count(r => !r.Intact);
            Console.Error.WriteLine(failed == 0 ? $"{results.Count} exhibit(s) checked, all intact" : $"{failed} of {results.Count} exhibit(s) FAILED the integrity check");
            return failed == 0 ? 0 : IntegrityFailure;
        }, ct));
        return command;
    }

    private static Command Custody()
    {
        var itemId = new Argument<string>("ITEM_ID") { Description = "The exhibit id." };
        var to = new Option<string?>("--to") { Description = "Name of the person receiving the exhibit.", Required = true };
        var role = new Option<string?>("--role") { Description = "Their role, e.g. forensic examiner, prosecutor, court clerk." };
        var organisation = new Option<string?>("--organisation") { Description = "Their organisation." };
        var reason = new Option<string?>("--reason") { Description = "Why the exhibit changed hands.", Required = true };
        var at = new Option<string?>("--at") { Description = "When, as UTC yyyy-MM-ddTHH:mm (default: now)." };
        var place = new Option<string?>("--place") { Description = "Where." };
        var condition = new Option<string?>("--condition") { Description = "Condition of the exhibit and its seal." };
        var seal = new Option<string?>("--seal") { Description = "Seal number after the transfer." };
        var command = new Command("custody", "Record a transfer of an exhibit from its current holder; prints the custody log.") { itemId, to, role, organisation, reason, at, place, condition, seal };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            DateTime? when = parse.GetValue(at) is { Length: > 0 } text
                ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : throw new ValidationException("--at", "Write the time as yyyy-MM-ddTHH:mm (UTC).")
                : null;
            var view = await services.GetRequiredService<TransferCustody.Handler>().Handle(actor, ItemIdOf(parse.GetValue(itemId)), new TransferCustody.Request(
                parse.GetValue(to), parse.GetValue(role), parse.GetValue(organisation), parse.GetValue(reason), when, parse.GetValue(place), parse.GetValue(condition), parse.GetValue(seal)), ct);
            foreach (var c in view.Custody)
            {
                Console.WriteLine(string.Join('\t', c.Sequence.ToString(CultureInfo.InvariantCulture), c.At.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), c.From, c.To, c.Reason));
            }
            return 0;
        }, ct));
        return command;
    }

    private static Command Get()
    {
        var itemId = new Argument<string>("ITEM_ID") { Description = "The exhibit id." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the sealed original.", Required = true };
        var command = new Command("get", $"Write an exhibit's sealed original to a file after checking its SHA-256; exits {IntegrityFailure} on a mismatch.") { itemId, output };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            EvidenceContent file;
            try
            {
                file = await services.GetRequiredService<GetEvidenceContent.Handler>().OriginalAsync(actor, ItemIdOf(parse.GetValue(itemId)), ct);
            }
            catch (ConflictException e) when (e.Field == "sha256")
            {
                Console.Error.WriteLine("error: " + e.Message);
                return IntegrityFailure;
            }
            var path = parse.GetValue(output)!.FullName;
            await File.WriteAllBytesAsync(path, file.Content, ct);
            Console.WriteLine(string.Join('\t', path, file.ContentType, file.Sha256));
            return 0;
        }, ct));
        return command;
    }

    internal static CaseId CaseIdOf(string? value) =>
        Guid.TryParse(value, out var guid) ? new CaseId(guid) : throw new ValidationException("CASE_ID", "A case id is a GUID such as 0190f3c4-....");

    private static Guid ItemIdOf(string? value) =>
        Guid.TryParse(value, out var guid) ? guid : throw new ValidationException("ITEM_ID", "An exhibit id is a GUID such as 0190f3c4-....");

    private static string Integrity(bool? intact) => intact switch
    {
        null => "unchecked",
        true => "intact",
        false => "MISMATCH",
    };
}
