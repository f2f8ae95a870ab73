using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Cases;

/// <summary>Exports a case as a <c>lantern-case/1</c> document. Export then import reproduces the case.</summary>
public static class ExportCase
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
        }

        public async Task<CaseDocument> Handle(Actor actor, CaseId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesExport);
            var c = await CaseQueries.LoadFullAsync(_db, id, tracking: false, ct)
                ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            var document = ToDocument(c);
            await _audit.WriteAsync(actor, "case.export", "case", id.ToString(), detail: $"{c.Participants.Count} persons", ct: ct);
            return document;
        }

        internal static CaseDocument ToDocument(Case c)
        {
            var participants = c.Participants.OrderBy(p => p.Id).ToList();
            var keys = participants.Select((p, i) => (p.Id, Key: $"p{i + 1}")).ToDictionary(x => x.Id, x => x.Key);
            return new CaseDocument
            {
                Format = CaseDocument.FormatName,
                Case = new CaseSection
                {
                    Reference = c.Reference,
                    Status = c.Status.ToString(),
                    OpenedOn = c.OpenedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Summary = c.Summary,
                    ReasonForClosure = c.ClosureReason,
                },
                Persons = participants.Select(p => ToSection(p, keys[p.Id])).ToList(),
                Events = c.Events.OrderBy(e => e.Id).Select(e => new EventSection
                {
                    Type = e.Type.ToString(),
                    Date = e.Date,
                    Country = e.Country,
                    State = e.State,
                    City = e.City,
                    Description = e.Description,
                    Persons = NullIfEmpty(e.People.Where(x => keys.ContainsKey(x.ParticipantId)).Select(x => keys[x.ParticipantId]).Order(StringComparer.Ordinal).ToList()),
                }).ToList(),
                Notes = NullIfEmpty(c.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new NoteSection { CreatedAt = n.CreatedAt, Author = n.AuthorName, Text = n.Text }).ToList()),
            };
        }

        private static PersonSection ToSection(CaseParticipant participant, string key)
        {
            var p = participant.Person;
            var victim = participant.Role == CaseRole.Victim;
            return new PersonSection
            {
                Key = key,
                Role = Picklist.RoleName(participant.Role),
                FirstName = p.FirstName,
                MiddleName = p.MiddleName,
                SecondName = p.SecondName,
                NameInOriginalScript = p.NameInOriginalScript,
                Aliases = NullIfEmpty(p.Aliases.OrderBy(a => a.Id).Select(a => a.Value).ToList()),
                Birthdate = p.BirthDate,
                Gender = p.Gender?.ToString(),
                Citizenship = NullIfEmpty(p.CitizenshipCodes.ToList()),
                IdentityDocuments = NullIfEmpty(p.Documents.OrderBy(d => d.Id).Select(d => new IdentityDocumentSection { Type = d.Type.ToString(), Number = d.Number, IssuingCountry = d.IssuingCountry }).ToList()),
                MobilePhone = p.MobilePhone,
                HomePhone = p.HomePhone,
                Email = p.Email,
                MailingStreet = p.MailingStreet,
                MailingCity = p.MailingCity,
                MailingState = p.MailingState,
                MailingPostalCode = p.MailingPostalCode,
                MailingCountry = p.MailingCountry,
                TraffickingStatus = victim ? participant.TraffickingStatus?.ToString() : null,
                StatusDecisionMakingOrg = victim ? participant.StatusDecidedBy?.ToString() : null,
                StatusDecidedBy = victim ? participant.StatusDecidedByName : null,
                AgeWhenTrafficked = victim ? participant.AgeWhenTrafficked : null,
                TypeOfExploitation = victim ? NullIfEmpty(participant.ExploitationForms.Select(f => f.ToString()).ToList()) : null,
                ForcedLabourIndustry = victim ? participant.Industry?.ToString() : null,
                MethodsOfControl = victim ? NullIfEmpty(participant.MethodsOfControl.Select(m => m.ToString()).ToList()) : null,
                RelationshipToTrafficker = victim ? participant.RelationshipToTrafficker?.ToString() : null,
                RoleInProcess = participant.Role == CaseRole.Suspect ? NullIfEmpty(participant.RolesInProcess.Select(r => r.ToString()).ToList()) : null,
                RoleDetails = participant.Role == CaseRole.Suspect ? participant.RoleDetails : null,
            };
        }

        private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
    }
}
