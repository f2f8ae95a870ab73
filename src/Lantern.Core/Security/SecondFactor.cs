using System.Security.Cryptography;
using OtpNet;
using QRCoder;

namespace Lantern.Core.Security;

/// <summary>
/// TOTP (RFC 6238, SHA-1, 6 digits, 30-second steps). Only the current step is accepted, and a step
/// once used is refused afterwards: the caller stores <see cref="Verify"/>'s matched step per account.
/// </summary>
public static class SecondFactor
{
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    /// <summary>Returns the matched time step, or null when the code is wrong, stale, or its step is not newer than <paramref name="lastUsedStep"/>.</summary>
    public static long? Verify(string secret, string code, long lastUsedStep, DateTime utcNow)
    {
        var trimmed = code.Replace(" ", "", StringComparison.Ordinal);
        if (trimmed.Length != 6 || !trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(utcNow, trimmed, out var step, new VerificationWindow(previous: 0, future: 0)))
        {
            return null;
        }
        return step > lastUsedStep ? step : null;
    }

    public static string CodeAt(string secret, DateTime utcNow) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(utcNow);

    public static string ProvisioningUri(string secret, string username) =>
        $"otpauth://totp/Lantern:{Uri.EscapeDataString(username)}?secret={secret}&issuer=Lantern&algorithm=SHA1&digits=6&period=30";

    /// <summary>The enrolment QR code as an SVG document, rendered by Lantern itself (no external service).</summary>
    public static string QrCodeSvg(string provisioningUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(provisioningUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
