using System.Security.Cryptography;
using Lantern.Core.Security;

namespace Lantern.Core.Tests.Security;

public sealed class FieldCipherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantern-cipher-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Decrypt_WithTheSameBinding_GivesThePlaintext()
    {
        var cipher = new FieldCipher(KeyRing.OpenOrCreate(_folder));
        var stored = cipher.Encrypt("Zainab Bibi", "persons", "id-1", "FirstName");
        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Zainab", stored, StringComparison.Ordinal);
        Assert.Equal("Zainab Bibi", cipher.Decrypt(stored, "persons", "id-1", "FirstName"));
    }

    [Theory]
    [InlineData("persons", "id-2", "FirstName")]
    [InlineData("persons", "id-1", "SecondName")]
    [InlineData("case_notes", "id-1", "FirstName")]
    public void Decrypt_CopiedToAnotherRecordOrField_Fails(string table, string id, string field)
    {
        var cipher = new FieldCipher(KeyRing.OpenOrCreate(_folder));
        var stored = cipher.Encrypt("35202-1234567-9", "persons", "id-1", "FirstName");
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(stored, table, id, field));
    }

    [Fact]
    public void Rotation_NewKeyEncrypts_OldCiphertextStillReads()
    {
        var ring = KeyRing.OpenOrCreate(_folder);
        var cipher = new FieldCipher(ring);
        var old = cipher.Encrypt("old", "t", "1", "f");
        Assert.Equal(2, ring.AddEncryptionKey());
        var fresh = cipher.Encrypt("new", "t", "1", "f");
        Assert.StartsWith("v2:", fresh, StringComparison.Ordinal);
        var reopened = new FieldCipher(KeyRing.OpenOrCreate(_folder));
        Assert.Equal("old", reopened.Decrypt(old, "t", "1", "f"));
        Assert.Equal("new", reopened.Decrypt(fresh, "t", "1", "f"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyRing_FileIsReadableByItsOwnerOnly()
    {
        KeyRing.OpenOrCreate(_folder);
        var mode = File.GetUnixFileMode(Path.Combine(_folder, "keyring.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }
}

public sealed class NameTokenTests
{
    [Theory]
    [InlineData("Muhammad", "Mohammad")]
    [InlineData("Muhammad", "Mohammed")]
    [InlineData("Muhammad", "Mohd")]
    [InlineData("Hussain", "Husain")]
    [InlineData("Hussain", "Hussein")]
    [InlineData("Zainab", "Zaineb")]
    [InlineData("Zainab", "Zenab")]
    [InlineData("Yousaf", "Yusuf")]
    [InlineData("Ayesha", "Aisha")]
    [InlineData("Chaudhry", "Choudhary")]
    public void PhoneticKey_SpellingVariants_Meet(string a, string b)
    {
        var ka = NameTokens.PhoneticKey(NameTokens.Tokens([a]).Single());
        var kb = NameTokens.PhoneticKey(NameTokens.Tokens([b]).Single());
        Assert.Equal(ka, kb);
    }

    [Theory]
    [InlineData("Zainab", "Fatima")]
    [InlineData("Aslam", "Akram")]
    [InlineData("Bilal", "Iqbal")]
    public void PhoneticKey_DifferentNames_StayApart(string a, string b) =>
        Assert.NotEqual(NameTokens.PhoneticKey(a.ToLowerInvariant()), NameTokens.PhoneticKey(b.ToLowerInvariant()));

    [Fact]
    public void Tokens_UrduScript_AreNormalised()
    {
        var tokens = NameTokens.Tokens(["زینب بی بی"]).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(NameTokens.Tokens(["زينب"]).Single(), tokens[0]);
    }
}
