using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>
/// A tip from the public form (web page or API), with no account. Stores what the reporter said and nothing about
/// their device: no address, no browser, no cookie. A filled honeypot field is answered as if accepted and dropped.
/// Beyond the hourly cap the tip is still accepted, into the overflow bucket (ADR 0018). The reporter gets the tip
/// number and a secret phrase, shown once.
/// </summary>
public static class SubmitTip
{
    public sealed record Request(TipForm Form, string? Honeypot);

    public sealed record Response(string Number, string Phrase);

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

        // The public door has no actor to authorise: anyone may report. Rate limits sit in front of it (Web/TipLimiter).
        public async Task<Response> Handle(Request request, CancellationToken ct)
        {
            var report = TipInput.Validate(request.Form);
            var phrase = TipPhrase.New();
            if (!string.IsNullOrEmpty(request.Honeypot))
            {
                // A bot filled the field a person never sees: answer exactly as for a real tip, keep nothing.
                _ = TipPhrase.Hash(phrase);
                return new Response(Tip.NewNumber(), phrase);
            }
            var hotline = await TipAccess.HotlineAsync(_db, ct);
            var actor = TipAccess.PublicReporter(hotline);
            _db.ScopeTo(actor);
            var now = _clock.GetUtcNow().UtcDateTime;
            var cap = (await TipAccess.SettingsAsync(_db, ct))?.HourlyCap ?? TipLineSettings.DefaultHourlyCap;
            var hourAgo = now.AddHours(-1);
            var lastHour = await _db.Tips.CountAsync(t => t.Channel == TipChannel.Web && t.Bucket == TipBucket.Queue && t.ReceivedAt > hourAgo, ct);
            var bucket = lastHour >= cap ? TipBucket.Overflow : TipBucket.Queue;
            var tip = new Tip(hotline, TipChannel.Web, bucket, report, TipPhrase.Hash(phrase), null, null, now);
            while (await TipVisibility.NumberTakenAsync(_db, tip.Number, ct))
            {
                tip.Renumber();
            }
            _db.Tips.Add(tip);
            _audit.Add(actor, "tip.receive", "tip", tip.Id.ToString(), detail: "web, " + bucket.ToString().ToLowerInvariant());
            if (tip.ChildAtImmediateRisk)
            {
                await TipAccess.RaiseChildAlertAsync(_db, _audit, actor, tip, now, ct);
            }
            await _db.SaveChangesAsync(ct);
            return new Response(tip.Number, phrase);
        }
    }
}
