using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>An ILO indicator as entered: its code and what was seen.</summary>
public sealed record IndicatorInput(string? Indicator, string? Note);

/// <summary>An inspection checked field by field; nothing is stored until every field passes.</summary>
public sealed record ValidatedInspection(
    DateOnly InspectedOn, bool Announced, int Men, int Women, int Boys, int Girls, int WorkersFound, int ChildrenFound, IReadOnlyList<int> ChildAges,
    IReadOnlyList<(ForcedLabourIndicator Indicator, string? Note)> Indicators, long? PeshgiAmount, int? PeshgiWorkers, string? Findings,
    int WorkersReleased, string? ReleaseOrderReference, bool VigilanceCommitteeReferral, string? FirNumber, string? PoliceStation,
    int VictimsReferredToServices, DateOnly? FollowUpDue);

/// <summary>
/// Records an inspection of a workplace in the register. The inspectors are users of the actor's organisation (the
/// actor by default); a visit to a workplace with a follow-up due closes that follow-up.
/// </summary>
public static class RecordInspection
{
    public sealed record Request(
        Guid WorkplaceId,
        string? InspectedOn,
        bool Announced = false,
        IReadOnlyList<string>? Inspectors = null,
        int? WorkersFound = null,
        int? Men = null,
        int? Women = null,
        int? Boys = null,
        int? Girls = null,
        int? ChildrenFound = null,
        IReadOnlyList<int>? ChildAges = null,
        IReadOnlyList<IndicatorInput>? Indicators = null,
        long? PeshgiAmount = null,
        int? PeshgiWorkers = null,
        string? Findings = null,
        int? WorkersReleased = null,
        string? ReleaseOrderReference = null,
        bool VigilanceCommitteeReferral = false,
        string? FirNumber = null,
        string? PoliceStation = null,
        int? VictimsReferredToServices = null,
        string? FollowUpDue = null);

    public sealed record Response(Guid Id, string Reference);

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
            var workplace = await InspectionAccess.WorkplaceAsync(_db, _audit, actor, request.WorkplaceId, ct);
            actor.Require(Permissions.InspectionsRecord);
            var now = _clock.GetUtcNow().UtcDateTime;
            var v = Validate(request, DateOnly.FromDateTime(now));
            var inspectors = await InspectorsAsync(actor, request.Inspectors, ct);
            var inspection = new Inspection(workplace.OrganisationId, workplace, v, inspectors, actor.Username, now);
            var open = await _db.Inspections.Where(i => i.WorkplaceId == workplace.Id && i.FollowUpDue != null && i.FollowUpInspectionId == null).ToListAsync(ct);
            foreach (var earlier in open)
            {
                earlier.FollowedUpBy(inspection);
            }
            _db.Inspections.Add(inspection);
            _audit.Add(actor, "inspection.record", "inspection", inspection.Id.ToString(), detail: "workplace " + workplace.Id);
            await _db.SaveChangesAsync(ct);
            return new Response(inspection.Id, inspection.Reference);
        }

        private async Task<IReadOnlyList<UserId>> InspectorsAsync(Actor actor, IReadOnlyList<string>? usernames, CancellationToken ct)
        {
            var names = (usernames ?? []).Select(u => u?.Trim() ?? "").Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count == 0)
            {
                return actor.IsSystem ? [] : [actor.UserId];
            }
            if (names.Count > 20)
            {
                throw new ValidationException("inspectors", "At most 20 inspectors may be named.");
            }
            var lowered = names.Select(n => n.ToLowerInvariant()).ToList();
            var users = await _db.Users.AsNoTracking().Where(u => u.OrganisationId == actor.OrganisationId && lowered.Contains(u.Username)).Select(u => new { u.Id, u.Username }).ToListAsync(ct);
            for (var i = 0; i < names.Count; i++)
            {
                if (!users.Any(u => string.Equals(u.Username, names[i], StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ValidationException($"inspectors[{i}]", $"There is no user named '{names[i]}' in your organisation.");
                }
            }
            return users.Select(u => u.Id).ToList();
        }
    }

    /// <summary>Checks an inspection; every error names its field.</summary>
    public static ValidatedInspection Validate(Request r, DateOnly today)
    {
        var inspectedOn = ParseDate(r.InspectedOn, "inspectedOn") ?? throw new ValidationException("inspectedOn", "Give the date of the inspection (YYYY-MM-DD).");
        if (inspectedOn > today)
        {
            throw new ValidationException("inspectedOn", "The inspection date cannot be in the future.");
        }
        var men = Count(r.Men, "men");
        var women = Count(r.Women, "women");
        var boys = Count(r.Boys, "boys");
        var girls = Count(r.Girls, "girls");
        var byGroup = men + women + boys + girls;
        var workers = r.WorkersFound is null ? byGroup : Count(r.WorkersFound, "workersFound");
        if (byGroup > 0 && byGroup != workers)
        {
            throw new ValidationException("workersFound", $"Workers found ({workers}) must equal men, women, boys and girls together ({byGroup}).");
        }
        var children = r.ChildrenFound is null ? boys + girls : Count(r.ChildrenFound, "childrenFound");
        if (children > workers)
        {
            throw new ValidationException("childrenFound", $"Children found ({children}) cannot be more than workers found ({workers}).");
        }
        if (byGroup > 0 && children != boys + girls)
        {
            throw new ValidationException("childrenFound", $"Children found ({children}) must equal boys and girls together ({boys + girls}).");
        }
        var ages = r.ChildAges ?? [];
        for (var i = 0; i < ages.Count; i++)
        {
            if (ages[i] is < 0 or > 17)
            {
                throw new ValidationException($"childAges[{i}]", "A child's age is from 0 to 17.");
            }
        }
        if (ages.Count > children)
        {
            throw new ValidationException("childAges", $"{ages.Count} ages are given for {children} children found.");
        }
        var indicators = new List<(ForcedLabourIndicator, string?)>();
        var inputs = r.Indicators ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var indicator = Codes.Parse<ForcedLabourIndicator>(inputs[i].Indicator, $"indicators[{i}].indicator");
            if (indicators.Any(x => x.Item1 == indicator))
            {
                throw new ValidationException($"indicators[{i}].indicator", "Each indicator may be recorded once.");
            }
            indicators.Add((indicator, TextRules.FreeText(inputs[i].Note, $"indicators[{i}].note", Inspection.MaxNoteLength)));
        }
        var debtBondage = indicators.Any(x => x.Item1 == ForcedLabourIndicator.DebtBondage);
        if (r.PeshgiAmount is { } amount && (amount <= 0 || amount > 1_000_000_000))
        {
            throw new ValidationException("peshgiAmount", "The peshgi amount is a positive number of rupees.");
        }
        if ((r.PeshgiAmount is not null || r.PeshgiWorkers is not null) && !debtBondage)
        {
            throw new ValidationException("peshgiAmount", "Record debt bondage among the indicators to give peshgi advances.");
        }
        var peshgiWorkers = r.PeshgiWorkers is null ? (int?)null : Count(r.PeshgiWorkers, "peshgiWorkers");
        if (peshgiWorkers > workers)
        {
            throw new ValidationException("peshgiWorkers", $"Workers owing peshgi ({peshgiWorkers}) cannot be more than workers found ({workers}).");
        }
        var released = Count(r.WorkersReleased, "workersReleased");
        if (released > workers)
        {
            throw new ValidationException("workersReleased", $"Workers released ({released}) cannot be more than workers found ({workers}).");
        }
        var releaseOrder = TextRules.Place(r.ReleaseOrderReference, "releaseOrderReference", 100);
        if (released > 0 && releaseOrder is null)
        {
            throw new ValidationException("releaseOrderReference", "A release under the BLSA 1992 needs the release order's reference.");
        }
        if (released == 0 && releaseOrder is not null)
        {
            throw new ValidationException("workersReleased", "Give the number of workers released under this order.");
        }
        var fir = TextRules.Place(r.FirNumber, "firNumber", 64);
        var station = TextRules.Place(r.PoliceStation, "policeStation", 200);
        if (fir is not null && station is null)
        {
            throw new ValidationException("policeStation", "Say at which police station the FIR was registered.");
        }
        if (fir is null && station is not null)
        {
            throw new ValidationException("firNumber", "Give the FIR number.");
        }
        var referred = Count(r.VictimsReferredToServices, "victimsReferredToServices");
        if (referred > workers)
        {
            throw new ValidationException("victimsReferredToServices", $"Victims referred ({referred}) cannot be more than workers found ({workers}).");
        }
        var followUp = ParseDate(r.FollowUpDue, "followUpDue");
        if (followUp <= inspectedOn)
        {
            throw new ValidationException("followUpDue", "The follow-up visit must be after the inspection.");
        }
        return new ValidatedInspection(inspectedOn, r.Announced, men, women, boys, girls, workers, children, ages.ToList(), indicators,
            r.PeshgiAmount, peshgiWorkers, TextRules.FreeText(r.Findings, "findings", Inspection.MaxFindingsLength),
            released, releaseOrder, r.VigilanceCommitteeReferral, fir, station, referred, followUp);
    }

    private static int Count(int? value, string field) => value switch
    {
        null => 0,
        < 0 => throw new ValidationException(field, "A count cannot be negative."),
        > 100_000 => throw new ValidationException(field, "A count above 100,000 is not plausible for one workplace."),
        _ => value.Value,
    };

    internal static DateOnly? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1990 && d.Year <= 2200
            ? d
            : throw new ValidationException(field, $"'{(value.Length > 20 ? value[..20] : value)}' is not a date in the form YYYY-MM-DD.");
    }
}
