using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Tests.Security;

public sealed class PasswordTests
{
    [Theory]
    [InlineData("short1!")]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("sunshine2024!!")]
    public void Validate_WeakPassword_IsRefusedNamingTheField(string password)
    {
        var e = Assert.Throws<ValidationException>(() => PasswordPolicy.Validate(password));
        Assert.Equal("password", e.Field);
    }

    [Fact]
    public void Validate_LongUncommonPassphrase_IsAccepted() => PasswordPolicy.Validate("Kasur kiln ledger 2026");

    [Fact]
    public void Hash_UsesPbkdf2With600kIterations_AndVerifies()
    {
        var hash = PasswordHasher.Hash("Kasur kiln ledger 2026");
        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("Kasur kiln ledger 2026", hash));
        Assert.False(PasswordHasher.Verify("Kasur kiln ledger 2027", hash));
        Assert.False(PasswordHasher.Verify("Kasur kiln ledger 2026", null));
    }
}
