using System.Globalization;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Tips;

/// <summary>
/// Opens a case from a tip through the ordinary case-creation handler (<see cref="CreateCase"/>), prefilled from the
/// tip: reference from the tip number, summary from what was reported, where, when and who is at risk. The tip is then
/// linked to the new case. The triager may change the reference and summary before it is created.
/// </summary>
public static class OpenCaseFromTip
{
    public sealed record Request(string? Reference = null, string? Summary = null);

    public sealed record Response(Guid CaseId, string Reference, TipView Tip);

    public sealed class PrefillHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal PrefillHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        /// <summary>The case-creation request as the form shows it, before the triager changes anything.</summary>
        public async Task<CreateCase.Request> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            _audit.Add(actor, "tip.view", "tip", tip.Id.ToString(), detail: "prefill case");
            await _db.SaveChangesAsync(ct);
            return Prefill(tip, _clock.GetUtcNow().UtcDateTime);
        }
    }

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly CreateCase.Handler _create;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, CreateCase.Handler create, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _create = create;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, Guid id, Request request, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            if (!tip.IsOpen)
            {
                throw new ConflictException("state", "This tip is closed.");
            }
            if (tip.CaseId is not null)
            {
                throw new ConflictException("caseId", "This tip is already linked to a case.");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            var prefill = Prefill(tip, now);
            // One transaction: the case is not left behind without its tip link, nor the link without the case.
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            // The case handler checks cases.create, validates and audits the new case; it shares this scope's context.
            var created = await _create.Handle(actor, prefill with
            {
                Reference = string.IsNullOrWhiteSpace(request.Reference) ? prefill.Reference : request.Reference,
                Summary = string.IsNullOrWhiteSpace(request.Summary) ? prefill.Summary : request.Summary,
            }, ct);
            tip.LinkTo(new CaseId(created.Id), now);
            _audit.Add(actor, "tip.open-case", "tip", tip.Id.ToString(), detail: "case " + created.Id);
            await TipAccess.SaveAsync(_db, ct);
            await transaction.CommitAsync(ct);
            return new Response(created.Id, created.Reference, await GetTip.ViewAsync(_db, tip, ct));
        }
    }

    internal static CreateCase.Request Prefill(Tip tip, DateTime now)
    {
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"From tip {tip.Number} ({(tip.Channel == TipChannel.Phone ? "phone call" : "public form")}, received {tip.ReceivedAt:yyyy-MM-dd HH:mm} UTC).\n");
        var where = string.Join(", ", new[] { tip.Place, tip.District, tip.Province == TipProvince.DontKnow ? null : tip.Province.ToString() }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (where.Length > 0)
        {
            summary.Append("Where: ").Append(where).Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(tip.WhenHappened))
        {
            summary.Append("When: ").Append(tip.WhenHappened).Append('\n');
        }
        summary.Append("Children at risk: ").Append(tip.Children switch
        {
            ChildrenAtRisk.ImmediateDanger => "yes, in immediate danger",
            ChildrenAtRisk.Yes => "yes",
            ChildrenAtRisk.No => "no",
            _ => "not known",
        }).Append('\n');
        if (tip.PeopleCount is { } people)
        {
            summary.Append(CultureInfo.InvariantCulture, $"People concerned: {people}\n");
        }
        summary.Append("Reported: ").Append(tip.WhatHappened);
        var text = summary.ToString();
        return new CreateCase.Request("TIP-" + tip.Number[2..], "Active", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            text.Length <= Case.MaxSummaryLength ? text : text[..(Case.MaxSummaryLength - 3)] + "...");
    }
}
