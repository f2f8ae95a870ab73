using Lantern.Core.Common;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// The log of one anonymised release: who made it, when, with what parameters, how many rows went in and out, and what
/// was generalised and suppressed. The released file itself is not kept (only its SHA-256), so the log holds no
/// victim data. Seen by the organisation that made it.
/// </summary>
public sealed class Release
{
    public const int MaxTextLength = 1000;

    private Release()
    {
    }

    internal Release(string kind, OrganisationId organisationId, UserId userId, string username, DateTime createdAt, int fromYear, int toYear, int k,
        string? organisation, int sourceRows, int releasedRows, int suppressedRows, string generalisation, string sha256)
    {
        if (k < 2)
        {
            throw new ValidationException("k", "k must be at least 2.");
        }
        if (toYear < fromYear)
        {
            throw new ValidationException("to", "The last year comes before the first.");
        }
        if (sourceRows != releasedRows + suppressedRows || releasedRows < 0 || suppressedRows < 0)
        {
            throw new InvalidOperationException("A release's rows must add up: released plus suppressed make the source.");
        }
        Id = SequentialGuid.Next();
        Kind = kind;
        OrganisationId = organisationId;
        UserId = userId;
        Username = username;
        CreatedAt = createdAt;
        FromYear = fromYear;
        ToYear = toYear;
        K = k;
        Organisation = organisation;
        SourceRows = sourceRows;
        ReleasedRows = releasedRows;
        SuppressedRows = suppressedRows;
        Generalisation = generalisation;
        Sha256 = sha256;
    }

    public Guid Id { get; private set; }

    /// <summary>"ctdc" (the CTDC global k-anonymised dataset).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The organisation of the user who made it (who sees the log entry).</summary>
    public OrganisationId OrganisationId { get; private set; }
    public UserId UserId { get; private set; }
    public string Username { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public int K { get; private set; }

    /// <summary>The organisation whose cases were released, or null for every case the user may see.</summary>
    public string? Organisation { get; private set; }
    public int SourceRows { get; private set; }
    public int ReleasedRows { get; private set; }
    public int SuppressedRows { get; private set; }

    /// <summary>What each quasi-identifier was generalised to ("citizenship: UN M49 subregion; ...").</summary>
    public string Generalisation { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
}
