using Lantern.Core.Features.People;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>
/// Fills the linking outbox in the same save as the change: every person added, or whose identity details changed,
/// gets a <see cref="PersonLinkRequest"/>, so no front door (create, update, import, add a person) can forget it.
/// </summary>
internal static class LinkingOutbox
{
    public static void Enqueue(AppDbContext db)
    {
        var changed = db.ChangeTracker.Entries<Person>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Person.UpdatedAt))))
            .Select(e => e.Entity.Id)
            .Union(db.ChangeTracker.Entries<PersonAlias>().Where(e => e.State is EntityState.Added or EntityState.Deleted).Select(e => e.Entity.PersonId))
            .Union(db.ChangeTracker.Entries<IdentityDocument>().Where(e => e.State is EntityState.Added or EntityState.Deleted).Select(e => e.Entity.PersonId))
            .ToList();
        var queued = db.ChangeTracker.Entries<PersonLinkRequest>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.PersonId).ToHashSet();
        foreach (var person in changed.Where(p => !queued.Contains(p)))
        {
            db.PersonLinkRequests.Add(new PersonLinkRequest(person));
        }
    }
}
