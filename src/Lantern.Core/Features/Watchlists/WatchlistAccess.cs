using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>Shared steps of the list handlers: naming organisations and resolving the screening organisations asked for.</summary>
internal static class WatchlistAccess
{
    public static Task<Dictionary<OrganisationId, string>> OrganisationNamesAsync(AppDbContext db, CancellationToken ct) =>
        db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>Organisations named by id or by name (ignoring case); an unknown one is a validation error on <c>screeners</c>.</summary>
    public static async Task<List<OrganisationId>> ScreenersAsync(AppDbContext db, IReadOnlyList<string?> asked, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var result = new List<OrganisationId>();
        foreach (var a in asked.Select(a => a?.Trim()).Where(a => !string.IsNullOrEmpty(a)))
        {
            var match = Guid.TryParse(a, out var id)
                ? organisations.FirstOrDefault(o => o.Id.Value == id)
                : organisations.FirstOrDefault(o => string.Equals(o.Name, a, StringComparison.OrdinalIgnoreCase));
            result.Add(match?.Id ?? throw new ValidationException("screeners", $"There is no organisation '{a}'."));
        }
        return result;
    }

    /// <summary>Entries are typed in only on manual lists; imported and records lists change only as a whole.</summary>
    public static void EnsureManual(Watchlist list)
    {
        if (list.IsRetired)
        {
            throw new ConflictException("list", "A retired list does not change.");
        }
        if (list.Source != WatchlistSource.Manual)
        {
            throw new ConflictException("list", list.Source == WatchlistSource.Import
                ? "Entries of an imported list change only by importing a new file."
                : "Entries of a list built from records change only by refreshing it.");
        }
    }

    public static ListedDetails Details(string? name, IReadOnlyList<string?>? aliases, string? birthDate, string? nationality, string? nationalId, string? passport, string? reason) =>
        new ListedDetails(name ?? "", [.. (aliases ?? []).OfType<string>()], birthDate, nationality, nationalId, passport, reason).Validated();
}
