using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// A case's proceeding in date order: stages (with the days each took), hearings, charges, outcomes, absconding and
/// an early ending. Names the accused in charges and outcomes, so it is audited like the proceeding view.
/// </summary>
public static class GetTimeline
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<TimelineView> Handle(Actor actor, CaseId id, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, id, Permissions.ProsecutionRead, ct);
            var view = await GetProceeding.ViewAsync(_db, c, ProsecutionAccess.Today(_clock.GetUtcNow().UtcDateTime), ct);
            _audit.Add(actor, "proceeding.timeline", "case", id.ToString());
            foreach (var p in c.Participants.Where(p => view.Charges.Any(x => x.AccusedParticipantId == p.Id)))
            {
                _audit.Add(actor, "person.identity-view", "person", p.PersonId.ToString(), detail: "timeline of case " + id);
            }
            await _db.SaveChangesAsync(ct);
            return new TimelineView(view.CaseId, view.CaseReference, Items(view));
        }
    }

    /// <summary>The items of a proceeding view, oldest first; on one day, stages before hearings before charges before outcomes.</summary>
    public static IReadOnlyList<TimelineItem> Items(ProceedingView view)
    {
        var items = new List<TimelineItem>();
        foreach (var s in view.Stages)
        {
            var detail = s.Stage switch
            {
                ProceedingStage.FirRegistered => $"FIR {s.FirNumber}, {s.PoliceStation}",
                ProceedingStage.Trial or ProceedingStage.Judgment or ProceedingStage.Appeal => string.Join(", ", new[] { s.Court, s.Judge, s.CourtCaseNumber }.Where(x => !string.IsNullOrEmpty(x))),
                _ => null,
            };
            items.Add(new TimelineItem(s.StartedOn, TimelineKind.Stage, Label(s.Stage), string.IsNullOrEmpty(detail) ? s.ResponsibleOfficer : detail, s.Days, s.CompletedOn is null && view.EndedBy is null));
        }
        foreach (var h in view.Hearings)
        {
            var what = h.Held ? (h.AdjournmentReason is not null ? "adjourned: " + h.AdjournmentReason : "held") : "scheduled";
            var state = h.Held ? (h.AdjournmentReason is not null ? new TimelinePart("adjourned", h.AdjournmentReason) : new TimelinePart("held", null)) : new TimelinePart("scheduled", null);
            items.Add(new TimelineItem(h.Date, TimelineKind.Hearing, "Hearing: " + Words(h.Purpose.ToString()), $"{h.Court}; {what}", null, !h.Held)
            {
                Parts = [TimelinePart.Data(h.Court), state],
            });
        }
        foreach (var x in view.Charges)
        {
            items.Add(new TimelineItem(x.FramedOn ?? x.OffenceDate, TimelineKind.Charge, $"Charge: {x.Instrument} s.{x.Section}", $"{x.Accused}: {x.Title}", null, false));
            if (x.Outcome != ChargeOutcome.Pending && x.DecidedOn is { } decided)
            {
                var sentence = string.Join(", ", new[]
                {
                    x.ImprisonmentMonths is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m} months") : null,
                    x.FineRupees is { } f ? string.Create(CultureInfo.InvariantCulture, $"fine Rs {f}") : null,
                    x.Compensation.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"compensation Rs {x.Compensation.Sum(o => o.Rupees)}") : null,
                }.OfType<string>());
                TimelinePart?[] sentenceParts =
                [
                    x.ImprisonmentMonths is { } months ? new("months", months.ToString(CultureInfo.InvariantCulture)) : null,
                    x.FineRupees is { } fine ? new("fine-rupees", fine.ToString(CultureInfo.InvariantCulture)) : null,
                    x.Compensation.Count > 0 ? new("compensation-rupees", x.Compensation.Sum(o => o.Rupees).ToString(CultureInfo.InvariantCulture)) : null,
                ];
                items.Add(new TimelineItem(decided, TimelineKind.Outcome, $"{x.Outcome}: {x.Instrument} s.{x.Section}", x.Accused + (sentence.Length > 0 ? "; " + sentence : ""), null, false)
                {
                    Parts = [TimelinePart.Data(x.Accused), .. sentenceParts.OfType<TimelinePart>()],
                });
            }
        }
        foreach (var a in view.Absconders)
        {
            items.Add(new TimelineItem(a.DeclaredOn, TimelineKind.Absconding, "Declared absconding", a.Accused, null, a.ArrestedOn is null));
        }
        if (view.EndedBy is { } ended && view.EndedOn is { } on)
        {
            items.Add(new TimelineItem(on, TimelineKind.EarlyEnding, "Ended: " + Words(ended.ToString()), view.EndReason, null, false));
        }
        return items.OrderBy(i => i.Date).ThenBy(i => i.Kind).ToList();
    }

    public static string Label(ProceedingStage stage) => stage switch
    {
        ProceedingStage.FirRegistered => "FIR registered",
        ProceedingStage.FinalReport => "Final report (challan)",
        _ => Words(stage.ToString()),
    };

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));
}
