using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Reads and changes the National Action Plan indicator definitions. Anyone who reads statistics may read them;
/// only <see cref="Permissions.StatisticsIndicatorsManage"/> (administrators) may define or change one. A change adds a
/// version and an audit entry (<c>statistics.indicator-define</c>); a definition is checked whole before anything is
/// kept, and the error names the field. The bundled starter set is stored the first time indicators are needed.
/// </summary>
public static class DefineNapIndicator
{
    public enum Mode { Create, Replace, CreateOrReplace }

    /// <summary>
    /// The definition as JSON (<see cref="NapIndicatorDefinition.Parse(string?)"/>), or for CreateOrReplace a file of
    /// them; Code is the indicator being replaced (the route's), which the definition's own code must match.
    /// </summary>
    public sealed record Request(string? Definition, Mode Mode, string? Code = null);

    /// <summary>A stored version: who saved it and when, and the definition's canonical JSON.</summary>
    public sealed record DefinitionView(string Code, string Title, int Version, bool Retired, string SavedBy, DateTime SavedAt, string Definition);

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

        /// <summary>The newest version of every indicator, retired ones included (marked), by code.</summary>
        public async Task<IReadOnlyList<DefinitionView>> ListAsync(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            return [.. (await NewestAsync(_db, ct)).Select(View)];
        }

        /// <summary>Every version of one indicator, oldest first.</summary>
        public async Task<IReadOnlyList<DefinitionView>> HistoryAsync(Actor actor, string code, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            await EnsureSeededAsync(_db, _clock, ct);
            var versions = await _db.NapIndicatorVersions.AsNoTracking().Where(v => v.Code == code).OrderBy(v => v.Version).ToListAsync(ct);
            return versions.Count > 0 ? [.. versions.Select(View)] : throw new NotFoundException($"The indicator '{code}'");
        }

        public async Task<IReadOnlyList<DefinitionView>> SaveAsync(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsIndicatorsManage);
            var definitions = ParseMany(request.Definition, request.Mode);
            if (request.Code is not null && (definitions.Count != 1 || !string.Equals(definitions[0].Code, request.Code, StringComparison.Ordinal)))
            {
                throw new ValidationException("code", $"The definition's code must be '{request.Code}', the indicator being changed.");
            }
            if (definitions.GroupBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ValidationException("code", $"'{twice.Key}' is given twice.");
            }
            foreach (var organisation in definitions.Select(d => d.Filters.Organisation).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!await _db.Organisations.AsNoTracking().AnyAsync(o => o.Name == organisation, ct))
                {
                    throw new ValidationException("filters.organisation", $"There is no organisation named '{organisation}'.");
                }
            }
            await EnsureSeededAsync(_db, _clock, ct);
            var codes = definitions.Select(d => d.Code).ToList();
            var newest = (await _db.NapIndicatorVersions.AsNoTracking().Where(v => codes.Contains(v.Code)).Select(v => new { v.Code, v.Version }).ToListAsync(ct))
                .GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.Max(v => v.Version), StringComparer.Ordinal);
            var now = _clock.GetUtcNow().UtcDateTime;
            var saved = new List<NapIndicatorVersion>();
            foreach (var d in definitions)
            {
                var exists = newest.TryGetValue(d.Code, out var version);
                if (exists && request.Mode == Mode.Create)
                {
                    throw new ConflictException("code", $"The indicator '{d.Code}' exists already; change it instead.");
                }
                if (!exists && request.Mode == Mode.Replace)
                {
                    throw new NotFoundException($"The indicator '{d.Code}'");
                }
                var row = new NapIndicatorVersion(SequentialGuid.Next(), d, version + 1, actor.Username, now);
                _db.NapIndicatorVersions.Add(row);
                _audit.Add(actor, "statistics.indicator-define", "nap_indicator", d.Code, detail: $"version {row.Version}{(d.Retired ? ", retired" : "")}");
                saved.Add(row);
            }
            await _db.SaveChangesAsync(ct);
            return [.. saved.Select(View)];
        }
    }

    /// <summary>One definition, or a file of them: <c>{"indicators": [...]}</c> (create-or-replace only).</summary>
    private static List<NapIndicatorDefinition> ParseMany(string? json, Mode mode)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ValidationException("definition", $"The definition is not JSON: {e.Message}");
        }
        if (node is JsonObject o && o["indicators"] is JsonArray list && mode == Mode.CreateOrReplace)
        {
            if (list.Count == 0)
            {
                throw new ValidationException("indicators", "The file holds no indicator.");
            }
            return [.. list.Select((item, i) => item is JsonObject one ? Parse(one, i) : throw new ValidationException($"indicators[{i}]", "Give each indicator as an object."))];
        }
        return node is JsonObject single ? [NapIndicatorDefinition.Parse(single)] : throw new ValidationException("definition", "Give the indicator as a JSON object.");
    }

    private static NapIndicatorDefinition Parse(JsonObject o, int index)
    {
        try
        {
            return NapIndicatorDefinition.Parse(o);
        }
        catch (ValidationException e)
        {
            var code = o["code"] is JsonValue v && v.TryGetValue<string>(out var c) ? $" ({c})" : "";
            throw new ValidationException(e.Field, $"indicators[{index}]{code}: {e.Message}");
        }
    }

    private static DefinitionView View(NapIndicatorVersion v) => new(v.Code, v.Title, v.Version, v.Retired, v.SavedBy, v.SavedAt, v.Definition);

    /// <summary>The newest version of each indicator (the starter set stored first if there is none).</summary>
    internal static async Task<List<NapIndicatorVersion>> NewestAsync(AppDbContext db, CancellationToken ct, TimeProvider? clock = null)
    {
        await EnsureSeededAsync(db, clock ?? TimeProvider.System, ct);
        var all = await db.NapIndicatorVersions.AsNoTracking().ToListAsync(ct);
        return [.. all.GroupBy(v => v.Code, StringComparer.Ordinal).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Code, StringComparer.Ordinal)];
    }

    public const string StarterSetProvenance = "illustrative starter set, not the official NAP text";

    /// <summary>The bundled starter set (<c>Reference/statistics/nap-indicators.json</c>).</summary>
    public static IReadOnlyList<NapIndicatorDefinition> StarterSet => Starter.Value;

    private static readonly Lazy<IReadOnlyList<NapIndicatorDefinition>> Starter = new(() =>
    {
        using var stream = typeof(DefineNapIndicator).Assembly.GetManifestResourceStream("Lantern.Core.Reference.statistics.nap-indicators.json")
            ?? throw new InvalidOperationException("The starter set of NAP indicators is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ParseMany(reader.ReadToEnd(), Mode.CreateOrReplace);
    });

    /// <summary>
    /// Stores the starter set when no indicator was ever defined. The rows carry ids made from their codes, so when two
    /// first uses race the second insert fails on the key and the rows the first stored stand.
    /// </summary>
    private static async Task EnsureSeededAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.NapIndicatorVersions.AnyAsync(ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var d in StarterSet)
        {
            db.NapIndicatorVersions.Add(new NapIndicatorVersion(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("nap-indicator|" + d.Code))[..16]), d, 1, "lantern (starter set)", now));
        }
        await db.SaveChangesAsync(ct);
    }
}
