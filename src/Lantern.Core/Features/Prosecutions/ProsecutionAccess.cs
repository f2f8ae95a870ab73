using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>Loading through the tenant filters, shared by the prosecution handlers: a visible case and its proceeding.</summary>
internal static class ProsecutionAccess
{
    /// <summary>A case the actor may see, with its people (untracked); a hidden case is "not found" (and audited as denied).</summary>
    public static async Task<Case> CaseAsync(AppDbContext db, Visibility visibility, Actor actor, CaseId id, string permission, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(permission);
        return await Visibility.LoadVisibleCaseAsync(db, id, cases => cases.Include(c => c.Participants).ThenInclude(p => p.Person).ThenInclude(p => p.Aliases).Include(c => c.Assignments).AsNoTracking().AsSplitQuery(), ct)
            ?? throw await visibility.CaseNotFoundAsync(actor, id, ct);
    }

    /// <summary>The case's proceeding, created (not yet saved) on first use.</summary>
    public static async Task<Proceeding> ProceedingAsync(AppDbContext db, CaseId id, DateTime now, CancellationToken ct)
    {
        var proceeding = await db.Proceedings.Include(p => p.Stages).Include(p => p.Charges).ThenInclude(c => c.Compensation).Include(p => p.Absconders)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.CaseId == id, ct);
        if (proceeding is null)
        {
            proceeding = new Proceeding(id, now);
            db.Proceedings.Add(proceeding);
        }
        return proceeding;
    }

    /// <summary>Investigators write the stages up to the challan, prosecutors the trial and after (administrators both).</summary>
    public static void RequireStageWriter(Actor actor, ProceedingStage stage)
    {
        actor.Require(Permissions.ProsecutionWrite);
        actor.Require(stage <= ProceedingStage.FinalReport ? Permissions.ProsecutionInvestigation : Permissions.ProsecutionTrial);
    }

    /// <summary>The responsible officer must be an active user of the case's organisation.</summary>
    public static async Task EnsureOfficerAsync(AppDbContext db, Case c, UserId? user, CancellationToken ct)
    {
        if (user is { } id && !await db.Users.AnyAsync(u => u.Id == id && u.OrganisationId == c.OrganisationId && !u.Disabled, ct))
        {
            throw new ValidationException("responsibleUserId", "The responsible officer must be a user of the organisation that owns the case.");
        }
    }

    public static CaseParticipant Participant(Case c, Guid participantId, string field) =>
        c.Participants.FirstOrDefault(p => p.Id == participantId) ?? throw new ValidationException(field, "That person is not part of this case.");

    public static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "Someone else changed this proceeding at the same time; reload and try again.");
        }
    }

    public static DateOnly Today(DateTime now) => DateOnly.FromDateTime(now);

    public static OffenceCatalogue Catalogue => OffenceCatalogue.Bundled;
}
