using Lantern.Core.Common;

namespace Lantern.Core.Features.Referrals;

public readonly record struct ReferralId(Guid Value)
{
    public static ReferralId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}

public readonly record struct ServiceProviderId(Guid Value)
{
    public static ServiceProviderId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}

public readonly record struct ConsentId(Guid Value)
{
    public static ConsentId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}

/// <summary>The kinds of service a victim can be referred to (CoE art. 12, UN Protocol art. 6(3), PCHT Rules 2004).</summary>
public enum ServiceType
{
    Shelter, MedicalCare, PsychosocialSupport, LegalAid, Interpretation, FamilyTracing, ReturnAndReintegration, EducationAndLivelihood,
}

/// <summary>What a victim may agree to have passed to a service: the scope of a consent and of a referral's disclosure.</summary>
public enum DataCategory { Identity, Contact, CaseSummary, ExploitationDetails, MedicalNeeds }

/// <summary>HTCDS <c>ReasonForOutgoingReferral</c>.</summary>
public enum ReferralReason { AdditionalServicesRequired, MigrationOrChangeOfLocation, Other }

public enum ReferralState { Draft, Sent, Accepted, Declined, InProgress, Completed, Withdrawn }

/// <summary>Lists of picklist values stored as ",A,B," (the convention of <see cref="Cases.CaseParticipant"/>).</summary>
internal static class Codes
{
    public static string Encode<T>(IEnumerable<T> values) where T : struct, Enum
    {
        var list = values.Distinct().Order().ToList();
        return list.Count == 0 ? "" : "," + string.Join(',', list) + ",";
    }

    public static IReadOnlyList<T> Decode<T>(string codes) where T : struct, Enum =>
        codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList();

    public static string EncodeText(IEnumerable<string> values)
    {
        var list = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : "," + string.Join(',', list) + ",";
    }

    public static IReadOnlyList<string> DecodeText(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
