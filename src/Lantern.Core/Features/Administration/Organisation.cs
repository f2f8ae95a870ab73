using Lantern.Core.Common;

namespace Lantern.Core.Features.Administration;

/// <summary>An agency using Lantern: a tenant. Its cases are visible to its own users (and to those it shares them with).</summary>
public sealed class Organisation
{
    private Organisation()
    {
    }

    public Organisation(string name, OrganisationType type, string country, string? city)
    {
        Id = OrganisationId.New();
        Name = name;
        Type = type;
        Country = country;
        City = city;
    }

    public OrganisationId Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationType Type { get; private set; }
    public string Country { get; private set; } = "PK";
    public string? City { get; private set; }
}
