using Lantern.Core.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Auditing;

public sealed class AuditChainTests : IAsyncLifetime
{
    private CoreHarness _core = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        for (var i = 0; i < 10; i++)
        {
            await _core.RunAsync(async sp =>
            {
                await sp.GetRequiredService<AuditLog>().WriteAsync(CoreHarness.Operator, "test.action", "case", "case-" + i, detail: "entry " + i);
                return 0;
            });
        }
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<VerifyAudit.Response> VerifyAsync() =>
        _core.RunAsync(sp => sp.GetRequiredService<VerifyAudit.Handler>().Handle(CoreHarness.Operator, CancellationToken.None));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_core.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0, "the tampering statement changed nothing");
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntact()
    {
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(10, result.Entries);
    }

    [Fact]
    public async Task Verify_EditedEntry_NamesIt()
    {
        await ExecuteAsync("UPDATE audit_log SET Detail = 'nothing happened' WHERE Sequence = 4");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBadSequence);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedActor_NamesIt()
    {
        await ExecuteAsync("UPDATE audit_log SET ActorName = 'someone.else' WHERE Sequence = 2");
        Assert.Equal(2, (await VerifyAsync()).FirstBadSequence);
    }

    [Fact]
    public async Task Verify_RemovedEntry_NamesTheGap()
    {
        await ExecuteAsync("DELETE FROM audit_log WHERE Sequence = 6");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(7, result.FirstBadSequence);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RemovedAndRenumbered_NamesTheBrokenLink()
    {
        await ExecuteAsync("DELETE FROM audit_log WHERE Sequence = 6");
        await ExecuteAsync("UPDATE audit_log SET Sequence = Sequence - 1 WHERE Sequence > 6");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(6, result.FirstBadSequence);
    }

    [Fact]
    public async Task Verify_SwappedEntries_NamesTheFirst()
    {
        await ExecuteAsync("UPDATE audit_log SET Sequence = -3 WHERE Sequence = 3");
        await ExecuteAsync("UPDATE audit_log SET Sequence = 3 WHERE Sequence = 5");
        await ExecuteAsync("UPDATE audit_log SET Sequence = 5 WHERE Sequence = -3");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public async Task Verify_RecomputedPlainHash_IsStillCaught()
    {
        // Without the audit key from the key ring an attacker cannot forge a matching hash.
        await ExecuteAsync("UPDATE audit_log SET Detail = 'x', Hash = lower(hex(randomblob(32))) WHERE Sequence = 8");
        Assert.Equal(8, (await VerifyAsync()).FirstBadSequence);
    }
}
