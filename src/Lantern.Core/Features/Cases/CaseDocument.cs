using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Cases;

/// <summary>
/// The <c>lantern-case/1</c> document (docs/case-document.md): one case with its people, events and notes,
/// for import, export and exchange. Field names follow HTCDS 2.0 where HTCDS has the field.
/// </summary>
public sealed record CaseDocument
{
    public const string FormatName = "lantern-case/1";

    [JsonPropertyName("format")] public string? Format { get; init; }
    [JsonPropertyName("case")] public CaseSection? Case { get; init; }
    [JsonPropertyName("persons")] public List<PersonSection>? Persons { get; init; }
    [JsonPropertyName("events")] public List<EventSection>? Events { get; init; }

    /// <summary>Lantern addition: case notes (HTCDS cco_CaseComment) with author and time.</summary>
    [JsonPropertyName("notes")] public List<NoteSection>? Notes { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        AllowTrailingCommas = false,
        MaxDepth = 16,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads one document, or a JSON array of documents. Malformed JSON and unknown fields name the field.</summary>
    public static IReadOnlyList<CaseDocument> ParseMany(string json)
    {
        try
        {
            using var probe = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            if (probe.RootElement.ValueKind == JsonValueKind.Array)
            {
                return JsonSerializer.Deserialize<List<CaseDocument?>>(json, JsonOptions)!
                    .Select((d, i) => d ?? throw new ValidationException($"$[{i}]", "A case document is null.")).ToList();
            }
            return [JsonSerializer.Deserialize<CaseDocument>(json, JsonOptions) ?? throw new ValidationException("$", "The document is null.")];
        }
        catch (JsonException e)
        {
            throw JsonError(e);
        }
    }

    /// <summary>Turns a serializer error into a message that names the field and hides .NET type names.</summary>
    public static ValidationException JsonError(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            var name = start >= 0 && end > start ? message[(start + 1)..end] : "?";
            // The serializer's path already ends with the unknown property.
            return new ValidationException(path, $"Unknown field '{name}'.");
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return new ValidationException(path, "This value has the wrong type.");
        }
        return new ValidationException(path, "The JSON is malformed: " + (e.Message.Split(" Path:", 2)[0]));
    }
}

public sealed record CaseSection
{
    [JsonPropertyName("reference")] public string? Reference { get; init; }
    [JsonPropertyName("cas_Status")] public string? Status { get; init; }
    [JsonPropertyName("openedOn")] public string? OpenedOn { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("cas_ReasonForCaseClosure")] public string? ReasonForClosure { get; init; }
}

public sealed record IdentityDocumentSection
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("number")] public string? Number { get; init; }
    [JsonPropertyName("issuingCountry")] public string? IssuingCountry { get; init; }
}

/// <summary>A person in a case document: HTCDS prs_ identity, vic_ victim context and per_ suspect context.</summary>
public sealed record PersonSection
{
    [JsonPropertyName("key")] public string? Key { get; init; }
    [JsonPropertyName("role")] public string? Role { get; init; }
    [JsonPropertyName("prs_FirstName")] public string? FirstName { get; init; }
    [JsonPropertyName("prs_MiddleName")] public string? MiddleName { get; init; }
    [JsonPropertyName("prs_SecondName")] public string? SecondName { get; init; }
    [JsonPropertyName("nameInOriginalScript")] public string? NameInOriginalScript { get; init; }
    [JsonPropertyName("aliases")] public List<string>? Aliases { get; init; }
    [JsonPropertyName("prs_Birthdate")] public string? Birthdate { get; init; }
    [JsonPropertyName("prs_Gender")] public string? Gender { get; init; }
    [JsonPropertyName("prs_Citizenship")] public List<string>? Citizenship { get; init; }
    [JsonPropertyName("identityDocuments")] public List<IdentityDocumentSection>? IdentityDocuments { get; init; }
    [JsonPropertyName("prs_MobilePhone")] public string? MobilePhone { get; init; }
    [JsonPropertyName("prs_HomePhone")] public string? HomePhone { get; init; }
    [JsonPropertyName("prs_Email")] public string? Email { get; init; }
    [JsonPropertyName("prs_MailingStreet")] public string? MailingStreet { get; init; }
    [JsonPropertyName("prs_MailingCity")] public string? MailingCity { get; init; }
    [JsonPropertyName("prs_MailingState")] public string? MailingState { get; init; }
    [JsonPropertyName("prs_MailingPostalCode")] public string? MailingPostalCode { get; init; }
    [JsonPropertyName("prs_MailingCountry")] public string? MailingCountry { get; init; }
    [JsonPropertyName("vic_TraffickingStatus")] public string? TraffickingStatus { get; init; }
    [JsonPropertyName("vic_TraffickingStatusDecisionMakingOrg")] public string? StatusDecisionMakingOrg { get; init; }
    [JsonPropertyName("statusDecidedBy")] public string? StatusDecidedBy { get; init; }
    [JsonPropertyName("vic_AgeWhenTrafficked")] public int? AgeWhenTrafficked { get; init; }
    [JsonPropertyName("vic_TypeOfExploitation")] public List<string>? TypeOfExploitation { get; init; }
    [JsonPropertyName("vic_ForcedLabourIndustry")] public string? ForcedLabourIndustry { get; init; }
    [JsonPropertyName("vic_MethodsOfControl")] public List<string>? MethodsOfControl { get; init; }
    [JsonPropertyName("vic_RelationshipToTrafficker")] public string? RelationshipToTrafficker { get; init; }
    [JsonPropertyName("per_RoleInProcess")] public List<string>? RoleInProcess { get; init; }
    [JsonPropertyName("per_RoleDetails")] public string? RoleDetails { get; init; }
}

public sealed record EventSection
{
    [JsonPropertyName("hte_Type")] public string? Type { get; init; }
    [JsonPropertyName("hte_Date")] public string? Date { get; init; }
    [JsonPropertyName("hte_Country")] public string? Country { get; init; }
    [JsonPropertyName("hte_State")] public string? State { get; init; }
    [JsonPropertyName("hte_City")] public string? City { get; init; }
    [JsonPropertyName("hte_Description")] public string? Description { get; init; }
    [JsonPropertyName("persons")] public List<string>? Persons { get; init; }
}

public sealed record NoteSection
{
    [JsonPropertyName("createdAt")] public DateTime? CreatedAt { get; init; }
    [JsonPropertyName("author")] public string? Author { get; init; }
    [JsonPropertyName("cco_CaseComment")] public string? Text { get; init; }
}
