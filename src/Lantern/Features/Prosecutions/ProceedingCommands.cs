using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;

namespace Lantern.Features.Prosecutions;

/// <summary>
/// <c>lantern proceedings stage|end|charge|outcome|hearing|figures</c>: the proceeding of a case from the command line,
/// through the same Core handlers and checks as the API and the pages. Results on stdout, counts on stderr.
/// </summary>
internal static class ProceedingCommands
{
    public static Command Create() => new("proceedings", "Record the proceeding of a case: stages, early ending, charges, outcomes, hearings; print the prosecution figures.")
    {
        Stage(), End(), Charge(), Outcome(), Hearing(), Figures(),
    };

    private static Argument<string> CaseArgument() => new("CASE_ID") { Description = "The case id." };

    private static Command Stage()
    {
        var id = CaseArgument();
        var stage = new Option<string>("--stage") { Required = true, Description = "ComplaintReceived, Inquiry, FirRegistered, Investigation, InterimReport, FinalReport (challan), Trial, Judgment or Appeal." };
        var on = new Option<string>("--on") { Required = true, Description = "The day the stage started (YYYY-MM-DD)." };
        var completed = new Option<string?>("--completed") { Description = "The day it was completed (YYYY-MM-DD)." };
        var fir = new Option<string?>("--fir-number") { Description = "FIR number (FIR stage)." };
        var station = new Option<string?>("--station") { Description = "Police station or FIA circle (FIR stage)." };
        var court = new Option<string?>("--court") { Description = "Court (trial, judgment, appeal)." };
        var judge = new Option<string?>("--judge") { Description = "Judge." };
        var number = new Option<string?>("--court-case-number") { Description = "Court case number." };
        var documents = new Option<string[]>("--document") { Description = "A document's title or reference; repeat for more.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("stage", "Record a stage (or correct one already recorded).") { id, stage, on, completed, fir, station, court, judge, number, documents };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var response = await services.GetRequiredService<RecordStage.Handler>().Handle(actor, CaseOf(parse.GetValue(id)), new RecordStage.Request(
                parse.GetValue(stage), DateOf(parse.GetValue(on), "--on"), OptionalDate(parse.GetValue(completed), "--completed"), null,
                parse.GetValue(fir), parse.GetValue(station), null, parse.GetValue(court), parse.GetValue(judge), parse.GetValue(number), parse.GetValue(documents)), ct);
            Console.WriteLine($"{response.Stage}\t{Date(response.StartedOn)}\tnext: {string.Join(", ", response.NextStages)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command End()
    {
        var id = CaseArgument();
        var reason = new Option<string>("--reason") { Required = true, Description = "ComplaintClosed, FirCancelled, AccusedAbsconding, Compromise, ProsecutionWithdrawn, AccusedDischarged, AccusedDied or Other." };
        var on = new Option<string>("--on") { Required = true, Description = "The day it ended (YYYY-MM-DD)." };
        var text = new Option<string>("--text") { Required = true, Description = "Why, in words." };
        var command = new Command("end", "End the proceeding early, with the reason.") { id, reason, on, text };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            await services.GetRequiredService<EndProceeding.Handler>().Handle(actor, CaseOf(parse.GetValue(id)),
                new EndProceeding.Request(parse.GetValue(reason), DateOf(parse.GetValue(on), "--on"), parse.GetValue(text)), ct);
            Console.WriteLine("ended");
            return 0;
        }, ct));
        return command;
    }

    private static Command Charge()
    {
        var id = CaseArgument();
        var accused = new Option<string>("--accused") { Required = true, Description = "The accused's participant id in the case." };
        var instrument = new Option<string>("--instrument") { Required = true, Description = "For example \"PTPA 2018\" (see lantern offences list)." };
        var section = new Option<string>("--section") { Required = true, Description = "For example \"3(1)\"." };
        var offenceDate = new Option<string>("--offence-date") { Required = true, Description = "When the offence was committed (YYYY-MM-DD): decides the version of the law." };
        var framed = new Option<string?>("--framed-on") { Description = "When the court framed the charge (YYYY-MM-DD)." };
        var particulars = new Option<string?>("--particulars") { Description = "The particulars of the charge." };
        var command = new Command("charge", "Frame a charge against an accused under the offence version in force on the offence date; prints the charge id.")
        {
            id, accused, instrument, section, offenceDate, framed, particulars,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var response = await services.GetRequiredService<FrameCharge.Handler>().Handle(actor, CaseOf(parse.GetValue(id)), new FrameCharge.Request(
                GuidOf(parse.GetValue(accused), "--accused"), parse.GetValue(instrument), parse.GetValue(section), DateOf(parse.GetValue(offenceDate), "--offence-date"),
                parse.GetValue(particulars), OptionalDate(parse.GetValue(framed), "--framed-on")), ct);
            Console.WriteLine($"{response.Id}\t{response.Instrument} s.{response.Section}\tlaw of {Date(response.VersionEffectiveFrom)} [{response.Verification}]");
            return 0;
        }, ct));
        return command;
    }

    private static Command Outcome()
    {
        var id = CaseArgument();
        var charge = new Argument<string>("CHARGE_ID") { Description = "The charge id." };
        var outcome = new Option<string>("--outcome") { Required = true, Description = "Convicted, Acquitted, Discharged, Withdrawn or Pending." };
        var on = new Option<string>("--on") { Required = true, Description = "The day of the decision (YYYY-MM-DD)." };
        var months = new Option<int?>("--months") { Description = "Imprisonment in months." };
        var fine = new Option<long?>("--fine") { Description = "Fine in rupees." };
        var compensation = new Option<string[]>("--compensation") { Description = "VICTIM_PARTICIPANT_ID=RUPEES, compensation ordered under CrPC s.545; repeat for more." };
        var confirm = new Option<string?>("--confirm") { Description = "Why a sentence outside the offence's range stands (without it, such a sentence is refused)." };
        var command = new Command("outcome", "Record the outcome of a charge: sentence, fine and compensation; a sentence outside the range needs --confirm.")
        {
            id, charge, outcome, on, months, fine, compensation, confirm,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var orders = (parse.GetValue(compensation) ?? []).Select(Compensation).ToList();
            var response = await services.GetRequiredService<RecordOutcome.Handler>().Handle(actor, CaseOf(parse.GetValue(id)), GuidOf(parse.GetValue(charge), "CHARGE_ID"),
                new RecordOutcome.Request(parse.GetValue(outcome), DateOf(parse.GetValue(on), "--on"), parse.GetValue(months), parse.GetValue(fine), orders, parse.GetValue(confirm)), ct);
            Console.WriteLine($"{response.Id}\t{response.Outcome}{(response.SentenceOutsideRange ? "\tsentence outside the range, confirmed" : "")}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Hearing()
    {
        var id = CaseArgument();
        var on = new Option<string>("--on") { Required = true, Description = "The hearing date (YYYY-MM-DD)." };
        var time = new Option<string?>("--time") { Description = "The time (HH:MM)." };
        var court = new Option<string>("--court") { Required = true, Description = "The court." };
        var purpose = new Option<string>("--purpose") { DefaultValueFactory = _ => "ProsecutionEvidence", Description = "Remand, Bail, FramingOfCharge, ProsecutionEvidence, VictimStatement, StatementOfAccused, DefenceEvidence, Arguments, Judgment, Appeal or Other." };
        var command = new Command("hearing", "Put a hearing in the calendar; prints its id.") { id, on, time, court, purpose };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var at = parse.GetValue(time) is { } t
                ? TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : throw new ValidationException("--time", $"'{t}' is not a time; use HH:MM.")
                : (TimeOnly?)null;
            var hearing = await services.GetRequiredService<ScheduleHearing.Handler>().Handle(actor, CaseOf(parse.GetValue(id)),
                new ScheduleHearing.Request(DateOf(parse.GetValue(on), "--on"), at, parse.GetValue(court), parse.GetValue(purpose)), ct);
            Console.WriteLine($"{hearing.Id}\t{Date(hearing.Date)}\t{hearing.Court}\t{hearing.Purpose}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Figures()
    {
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "csv", Description = "csv (the funnel, each proceeding once) or json (all the figures)." };
        var command = new Command("figures", "The prosecution figures: the funnel by year, organisation, province, circle; conviction rates; median days per stage.") { format };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var chosen = parse.GetValue(format);
            if (chosen is not ("csv" or "json"))
            {
                throw new ValidationException("--format", $"'{chosen}' is not a format; use csv or json.");
            }
            var figures = await services.GetRequiredService<ProsecutionFigures.Handler>().Handle(actor, ct);
            if (chosen == "json")
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(figures, ProsecutionsCommands.JsonOptions));
                return 0;
            }
            Console.WriteLine("year,organisation,province,circle,complaints,firs,challans,trials,convictions");
            foreach (var r in figures.FunnelByProceeding)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Year},{CsvText.Row(r.Organisation, r.Province, r.Circle)},{r.Complaints},{r.Firs},{r.Challans},{r.Trials},{r.Convictions}"));
            }
            Console.Error.WriteLine($"{figures.FunnelByProceeding.Sum(r => r.Complaints)} proceeding(s)");
            return 0;
        }, ct));
        return command;
    }

    private static RecordOutcome.Compensation Compensation(string value)
    {
        var parts = value.Split('=', 2);
        return parts.Length == 2 && Guid.TryParse(parts[0], out var victim) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rupees)
            ? new RecordOutcome.Compensation(victim, rupees)
            : throw new ValidationException("--compensation", $"'{value}' is not VICTIM_PARTICIPANT_ID=RUPEES.");
    }

    private static CaseId CaseOf(string? value) => new(GuidOf(value, "CASE_ID"));

    private static Guid GuidOf(string? value, string field) =>
        Guid.TryParse(value, out var guid) ? guid : throw new ValidationException(field, $"'{value}' is not an id (a GUID such as 0190f3c4-...).");

    private static DateOnly DateOf(string? value, string field) =>
        ListOffences.ParseDate(value, field) ?? throw new ValidationException(field, "A date is needed (YYYY-MM-DD).");

    private static DateOnly? OptionalDate(string? value, string field) => ListOffences.ParseDate(value, field);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
