using Lantern.Core.Features.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Infrastructure;

/// <summary>One server per provider, shared by the test classes of its collection (which run one after another).</summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private LanternServer? _server;

    public abstract Provider Provider { get; }

    public LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A case of organisation A, with a victim and a suspect.</summary>
    public Guid CaseA { get; private set; }

    /// <summary>A case of organisation B.</summary>
    public Guid CaseB { get; private set; }

    public Guid VictimA { get; private set; }

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider);
        CaseA = await _server.ImportAsync(CaseDocuments.Victim("FIX-A-0001", "Rukhsana", "Kausar", "35202-1111111-1", "+923001111111"));
        CaseB = await _server.ImportAsync(CaseDocuments.Victim("FIX-B-0001", "Shazia", "Parveen", "61101-2222222-2", "+923002222222"), LanternServer.OrganisationB);
        var view = await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new Core.Common.CaseId(CaseA), CancellationToken.None));
        VictimA = view.People.First(p => p.Role == "victim").PersonId;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

public sealed class SqliteServerFixture : ServerFixture
{
    public override Provider Provider => Provider.Sqlite;
}

public sealed class PostgresServerFixture : ServerFixture
{
    public override Provider Provider => Provider.Postgres;
}

[CollectionDefinition(Name)]
public sealed class SqliteServerGroup : ICollectionFixture<SqliteServerFixture>
{
    public const string Name = "sqlite server";
}

[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres server";
}
