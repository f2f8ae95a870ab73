using Lantern.Core.Common;

namespace Lantern.Core.Features.Sharing;

/// <summary>What a shared item is. <see cref="PprlEncodings"/> is kept for privacy-preserving record linkage encodings (issue 7, section 4).</summary>
public enum SharedItemKind
{
    Case,
    Person,
    Intelligence,

    /// <summary>An item this installation received and passes on (never an H2 one).</summary>
    Received,
    PprlEncodings,
}

/// <summary>The basis a person's data is shared on; a package carrying personal data without one is refused.</summary>
public enum ConsentBasis
{
    /// <summary>The victim's (or guardian's) recorded, active consent (Features/Referrals/Consent).</summary>
    RecordedConsent,

    /// <summary>Cooperation between law-enforcement authorities (PTPA 2018, mutual legal assistance, police cooperation).</summary>
    LawEnforcementCooperation,

    /// <summary>To protect someone's life or safety when consent cannot be sought in time.</summary>
    VitalInterests,
}

public enum PackageDirection { Sent, Received }

public static class SharingCodes
{
    public static SharedItemKind ParseKind(string? value, string field) =>
        Enum.TryParse<SharedItemKind>(value?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(value!.Trim()[0])
            ? kind
            : throw new ValidationException(field, "The item kind is case, person, intelligence or received.");

    public static ConsentBasis? ParseBasis(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var compact = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        return Enum.TryParse<ConsentBasis>(compact, ignoreCase: true, out var basis) && Enum.IsDefined(basis) && !char.IsDigit(compact[0])
            ? basis
            : throw new ValidationException(field, "The consent basis is recorded-consent, law-enforcement-cooperation or vital-interests.");
    }

    public static string Name(ConsentBasis basis) => basis switch
    {
        ConsentBasis.RecordedConsent => "recorded-consent",
        ConsentBasis.LawEnforcementCooperation => "law-enforcement-cooperation",
        ConsentBasis.VitalInterests => "vital-interests",
    };

    public static string Name(SharedItemKind kind) => kind.ToString().ToLowerInvariant() switch
    {
        "pprlencodings" => "pprl-encodings",
        var name => name,
    };
}
