using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Tips;

/// <summary>
/// The reporter adds information to their tip with its number and secret phrase, without an account. A wrong phrase
/// and an unknown number get the same answer after the same work (one PBKDF2 verification); attempts are rate-limited
/// at the door (Web/TipLimiter).
/// </summary>
public static class AddToTip
{
    public const int MaxTextLength = 4000;

    public sealed record Request(string? Number, string? Phrase, string? Text, string? Honeypot);

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

        /// <summary>Throws <see cref="NotFoundException"/> ("The tip") for an unknown number or a wrong phrase alike.</summary>
        public async Task Handle(Request request, CancellationToken ct)
        {
            var text = TextRules.FreeText(request.Text, "text", MaxTextLength) ?? throw new ValidationException("text", "Please write what you want to add.");
            var number = (request.Number ?? "").Trim().ToUpperInvariant();
            if (number.Length > 20)
            {
                throw new NotFoundException("The tip");
            }
            // The phrase, not an organisation, is what grants access here.
            var tip = await TipVisibility.ForReporterAsync(_db, number, ct);
            var valid = TipPhrase.Verify(request.Phrase, tip?.PhraseHash) && tip is not null;
            if (!string.IsNullOrEmpty(request.Honeypot))
            {
                return;
            }
            if (!valid || tip is null)
            {
                if (tip is not null)
                {
                    await _audit.WriteAsync(TipAccess.PublicReporter(tip.OrganisationId), "tip.follow-up-denied", "tip", tip.Id.ToString(), AuditOutcome.Denied, ct: ct);
                }
                throw new NotFoundException("The tip");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            var addition = tip.Add(text, fromReporter: true, now);
            _db.TipAdditions.Add(addition);
            _audit.Add(TipAccess.PublicReporter(tip.OrganisationId), "tip.follow-up", "tip", tip.Id.ToString());
            await TipAccess.SaveAsync(_db, ct);
        }
    }
}
