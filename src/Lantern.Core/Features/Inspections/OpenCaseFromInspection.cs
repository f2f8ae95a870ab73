using System.Globalization;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Inspections;

/// <summary>
/// Opens a case for the persons found at an inspection, through the case document's validation and writer (the code
/// the case-creation and person handlers use), in one save: the persons as victims (unless given another role) with
/// forced, bonded or child labour, the workplace's industry and the observed indicators as methods of control; an
/// exploitation event at the workplace; the findings and indicator notes as a case note. The inspection keeps the link.
/// </summary>
public static class OpenCaseFromInspection
{
    public sealed record Request(string? Reference, IReadOnlyList<PersonSection>? Persons);

    public sealed record Response(Guid CaseId, string Reference);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly CaseWriter _writer;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, PersonIndexer indexer, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _writer = new CaseWriter(db, indexer);
            _audit = audit;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, Guid inspectionId, Request request, CancellationToken ct)
        {
            var inspection = await InspectionAccess.InspectionAsync(_db, _audit, actor, inspectionId, ct);
            actor.Require(Permissions.InspectionsRecord);
            actor.Require(Permissions.CasesCreate);
            if (inspection.CaseId is not null)
            {
                throw new ConflictException("inspection", "A case was already opened from this inspection.");
            }
            var persons = request.Persons ?? [];
            if (persons.Count == 0)
            {
                throw new ValidationException("persons", "Name at least one person found at the inspection.");
            }
            var document = Document(inspection, request.Reference, persons);
            var validated = CaseInput.Validate(document);
            var now = _clock.GetUtcNow().UtcDateTime;
            await _writer.EnsureReferenceFreeAsync(inspection.OrganisationId, validated.Reference, "reference", ct);
            var @case = _writer.Build(inspection.OrganisationId, validated, actor.Username, now);
            if (!actor.IsSystem)
            {
                @case.Assign(actor.UserId, now);
            }
            _db.Cases.Add(@case);
            inspection.LinkCase(@case.Id);
            _audit.Add(actor, "case.create", "case", @case.Id.ToString(), detail: "from inspection " + inspection.Id);
            _audit.Add(actor, "inspection.open-case", "inspection", inspection.Id.ToString(), detail: "case " + @case.Id);
            await _db.SaveChangesAsync(ct);
            return new Response(@case.Id.Value, @case.Reference);
        }
    }

    /// <summary>The inspection's observations as a case document; errors in the persons name their place (persons[i].field).</summary>
    internal static CaseDocument Document(Inspection i, string? reference, IReadOnlyList<PersonSection> persons)
    {
        var indicators = i.Indicators.Select(x => x.Indicator).ToHashSet();
        var methods = indicators.Select(MethodOf).OfType<MethodOfControl>().Distinct().Select(m => m.ToString()).ToList();
        var industry = IndustryOf(i.Kind)?.ToString();
        var people = persons.Select((p, n) =>
        {
            var key = string.IsNullOrWhiteSpace(p.Key) ? "p" + (n + 1).ToString(CultureInfo.InvariantCulture) : p.Key;
            var role = string.IsNullOrWhiteSpace(p.Role) ? "victim" : p.Role;
            if (role != "victim")
            {
                return p with { Key = key, Role = role };
            }
            var child = p.AgeWhenTrafficked is < 18;
            List<string> forms = [indicators.Contains(ForcedLabourIndicator.DebtBondage) ? nameof(ExploitationForm.BondedLabour) : nameof(ExploitationForm.ForcedLabour)];
            if (child)
            {
                forms.Add(nameof(ExploitationForm.ChildLabour));
            }
            return p with
            {
                Key = key,
                Role = role,
                TraffickingStatus = p.TraffickingStatus ?? nameof(TraffickingStatus.PossibleVictimOfTrafficking),
                TypeOfExploitation = p.TypeOfExploitation ?? forms,
                ForcedLabourIndustry = p.ForcedLabourIndustry ?? industry,
                MethodsOfControl = p.MethodsOfControl ?? methods,
            };
        }).ToList();
        var date = i.InspectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CaseDocument
        {
            Format = CaseDocument.FormatName,
            Case = new CaseSection
            {
                Reference = string.IsNullOrWhiteSpace(reference) ? i.Reference : reference,
                Status = nameof(CaseStatus.Active),
                OpenedOn = date,
                Summary = $"Opened from labour inspection {i.Reference} of {i.Workplace.Name} ({Codes.Kebab(i.Kind)}), {i.District}, {i.Province}, on {date}: "
                    + $"{i.WorkersFound} workers found, {i.ChildrenFound} children, {i.WorkersReleased} released under the BLSA 1992.",
            },
            Persons = people,
            Events =
            [
                new EventSection
                {
                    Type = nameof(EventType.Exploitation),
                    Date = date,
                    Country = "PK",
                    State = i.Province,
                    City = i.District,
                    Description = i.Workplace.Name + (i.Workplace.Place is { } place ? ", " + place : ""),
                    Persons = people.Select(p => p.Key!).ToList(),
                },
            ],
            Notes = [new NoteSection { Text = Observations(i) }],
        };
    }

    private static string Observations(Inspection i)
    {
        var b = new StringBuilder();
        b.Append("Observations carried over from inspection ").Append(i.Reference).Append('.');
        foreach (var x in i.Indicators.OrderBy(x => x.Indicator))
        {
            b.Append('\n').Append("- ").Append(Codes.Kebab(x.Indicator));
            if (x.Note is not null)
            {
                b.Append(": ").Append(x.Note);
            }
        }
        if (i.PeshgiAmount is { } peshgi)
        {
            b.Append('\n').Append("Peshgi owed: PKR ").Append(peshgi.ToString("N0", CultureInfo.InvariantCulture));
            if (i.PeshgiWorkers is { } owing)
            {
                b.Append(" by ").Append(owing.ToString(CultureInfo.InvariantCulture)).Append(" workers");
            }
            b.Append('.');
        }
        if (i.Findings is not null)
        {
            b.Append("\n\n").Append(i.Findings);
        }
        var text = b.ToString();
        return text.Length > CaseNote.MaxLength ? text[..CaseNote.MaxLength] : text;
    }

    /// <summary>The HTCDS method of control an ILO indicator shows; none for an indicator with no counterpart.</summary>
    public static MethodOfControl? MethodOf(ForcedLabourIndicator indicator) => indicator switch
    {
        ForcedLabourIndicator.AbuseOfVulnerability => MethodOfControl.PsychologicalAbuse,
        ForcedLabourIndicator.Deception => MethodOfControl.FalsePromises,
        ForcedLabourIndicator.RestrictionOfMovement => MethodOfControl.RestrictsMovement,
        ForcedLabourIndicator.Isolation => MethodOfControl.RestrictsMovement,
        ForcedLabourIndicator.PhysicalAndSexualViolence => MethodOfControl.PhysicalAbuse,
        ForcedLabourIndicator.IntimidationAndThreats => MethodOfControl.PhysicalThreats,
        ForcedLabourIndicator.RetentionOfIdentityDocuments => MethodOfControl.WithholdsDocuments,
        ForcedLabourIndicator.WithholdingOfWages => MethodOfControl.TakesEarnings,
        ForcedLabourIndicator.DebtBondage => MethodOfControl.DebtBondage,
        ForcedLabourIndicator.AbusiveWorkingAndLivingConditions => MethodOfControl.WithholdsNecessities,
        ForcedLabourIndicator.ExcessiveOvertime => MethodOfControl.ExcessiveWorkingHours,
        _ => null,
    };

    /// <summary>The ISIC section of a workplace kind (brick-making is manufacturing, ISIC 2392).</summary>
    public static ForcedLabourIndustry? IndustryOf(WorkplaceKind kind) => kind switch
    {
        WorkplaceKind.AgriculturalEstate => ForcedLabourIndustry.A_AgricultureForestryAndFishing,
        WorkplaceKind.BrickKiln or WorkplaceKind.CarpetWorkshop or WorkplaceKind.TextileWorkshop or WorkplaceKind.Factory => ForcedLabourIndustry.C_Manufacturing,
        WorkplaceKind.DomesticWorkPlacement => ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers,
        _ => null,
    };
}
