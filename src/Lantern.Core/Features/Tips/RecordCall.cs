using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Tips;

/// <summary>An operator records a phone call to the hotline through the same form, with the call's time, duration and language.</summary>
public static class RecordCall
{
    public sealed record Request(TipForm Form, DateTime? CallStartedAt, int? CallDurationMinutes, string? CallLanguage);

    /// <summary>The phrase is read out to the caller once so they can add information later.</summary>
    public sealed record Response(Guid Id, string Number, string Phrase);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsTriage);
            var report = TipInput.Validate(request.Form);
            var now = _clock.GetUtcNow().UtcDateTime;
            var call = TipInput.Call(request.CallStartedAt, request.CallDurationMinutes, request.CallLanguage, now);
            var phrase = TipPhrase.New();
            var tip = new Tip(actor.OrganisationId, TipChannel.Phone, TipBucket.Queue, report, TipPhrase.Hash(phrase), call, actor.Username, now);
            while (await TipVisibility.NumberTakenAsync(_db, tip.Number, ct))
            {
                tip.Renumber();
            }
            _db.Tips.Add(tip);
            _audit.Add(actor, "tip.record-call", "tip", tip.Id.ToString(), detail: "phone, " + call.Language + ", " + call.DurationMinutes + " min");
            if (tip.ChildAtImmediateRisk)
            {
                await TipAccess.RaiseChildAlertAsync(_db, _audit, actor, tip, now, ct);
            }
            await _db.SaveChangesAsync(ct);
            return new Response(tip.Id, tip.Number, phrase);
        }
    }
}
