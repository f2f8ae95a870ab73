using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Records a relation on a case: from one thing to another (a person of the case, a phone, a document, a bank
/// account, an address, a vehicle, an organisation, a place), with its type, when it held if known, and a note.
/// </summary>
public static class AddRelation
{
    public sealed record Request(string? FromType, string? FromValue, string? ToType, string? ToValue, string? Relation, string? ValidFrom, string? ValidTo, string? Note);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;
        private readonly NetworkKeys _keys;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock, BlindIndex index, KeyRing keys)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
            _keys = new NetworkKeys(index, keys);
        }

        public async Task<CaseRelationView> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.NetworkWrite);
            var @case = await _db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, caseId, ct);
            var from = _keys.End(NetworkKeys.ParseType(request.FromType, "fromType"), request.FromValue, "fromValue");
            var to = _keys.End(NetworkKeys.ParseType(request.ToType, "toType"), request.ToValue, "toValue");
            var type = NetworkKeys.ParseRelation(request.Relation, "relation");
            foreach (var (end, field) in new[] { (from, "fromValue"), (to, "toValue") })
            {
                if (end.Type == NodeType.Person)
                {
                    var person = new PersonId(Guid.Parse(end.Value));
                    if (!await _db.Participants.AnyAsync(p => p.CaseId == caseId && p.PersonId == person, ct))
                    {
                        throw new ValidationException(field, "This person does not take part in the case.");
                    }
                }
            }
            var relation = new CaseRelation(@case, from, to, type, ParseDate(request.ValidFrom, "validFrom"), ParseDate(request.ValidTo, "validTo"),
                TextRules.FreeText(request.Note, "note", CaseRelation.MaxNoteLength), actor.Username, _clock.GetUtcNow().UtcDateTime);
            _db.CaseRelations.Add(relation);
            _audit.Add(actor, "network.relation-add", "case-relation", relation.Id.ToString(), detail: "case " + caseId + ", " + from.Type + " " + type + " " + to.Type);
            await _db.SaveChangesAsync(ct);
            return CaseRelationView.Of(relation);
        }
    }

    internal static DateOnly? ParseDate(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
        : throw new ValidationException(field, "Write the date as YYYY-MM-DD.");
}

/// <summary>A relation recorded on a case, its values decrypted for an actor who sees the case.</summary>
public sealed record CaseRelationView(
    Guid Id, Guid CaseId, string FromType, string FromValue, string FromNode, string Relation, string ToType, string ToValue, string ToNode,
    DateOnly? ValidFrom, DateOnly? ValidTo, string? Note, string RecordedBy, DateTime RecordedAt)
{
    internal static CaseRelationView Of(CaseRelation r) => new(
        r.Id, r.CaseId.Value, NetworkKeys.Slug(r.FromType), r.FromValue, NetworkKeys.Slug(r.FromType) + ":" + r.FromKey,
        NetworkKeys.RelationSlug(r.Type), NetworkKeys.Slug(r.ToType), r.ToValue, NetworkKeys.Slug(r.ToType) + ":" + r.ToKey,
        r.ValidFrom, r.ValidTo, r.Note, r.RecordedBy, r.RecordedAt);
}

/// <summary>The relations of one case, with what the form offers.</summary>
public sealed record CaseRelationList(Guid CaseId, string CaseReference, IReadOnlyList<CaseRelationView> Relations, IReadOnlyList<RelationPerson> People, bool CanAdd);

/// <summary>A person of the case a relation may start or end at.</summary>
public sealed record RelationPerson(Guid Id, string Name, string Role);
