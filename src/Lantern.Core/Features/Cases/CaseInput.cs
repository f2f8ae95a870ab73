using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.People;

namespace Lantern.Core.Features.Cases;

/// <summary>A case document checked field by field, ready to become entities. Nothing is stored until every field passes.</summary>
public sealed record ValidatedCase(
    string Reference,
    CaseStatus Status,
    DateOnly? OpenedOn,
    string? Summary,
    string? ClosureReason,
    IReadOnlyList<ValidatedPerson> Persons,
    IReadOnlyList<ValidatedEvent> Events,
    IReadOnlyList<ValidatedNote> Notes);

public sealed record ValidatedPerson(string Key, CaseRole Role, PersonDetails Details, VictimContext? Victim, IReadOnlyList<RoleInProcess> RolesInProcess, string? RoleDetails);

public sealed record ValidatedEvent(EventType Type, PartialDate? Date, CountryCode? Country, string? State, string? City, string? Description, IReadOnlyList<string> PersonKeys);

public sealed record ValidatedNote(DateTime? CreatedAt, string? Author, string Text);

/// <summary>Checks case documents and their parts; every error names the field by its document path.</summary>
public static class CaseInput
{
    public static ValidatedCase Validate(CaseDocument doc, string prefix = "")
    {
        if (doc.Format != CaseDocument.FormatName)
        {
            throw new ValidationException(prefix + "format", $"The document format must be '{CaseDocument.FormatName}'.");
        }
        var c = doc.Case ?? throw new ValidationException(prefix + "case", "The 'case' section is required.");
        var section = ValidateCaseSection(c, prefix + "case.");
        var persons = (doc.Persons ?? []).Select((p, i) => ValidatePerson(p, $"{prefix}persons[{i}].", requireKey: true)).ToList();
        var duplicate = persons.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ValidationException(prefix + "persons", $"The key '{duplicate.Key}' is used by more than one person.");
        }
        if (persons.Count > 500)
        {
            throw new ValidationException(prefix + "persons", "A case document may hold at most 500 persons.");
        }
        var keys = persons.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var events = (doc.Events ?? []).Select((e, i) => ValidateEvent(e, $"{prefix}events[{i}].", keys)).ToList();
        var notes = (doc.Notes ?? []).Select((n, i) => new ValidatedNote(
            n.CreatedAt,
            TextRules.FreeText(n.Author, $"{prefix}notes[{i}].author", 64),
            TextRules.FreeText(n.Text, $"{prefix}notes[{i}].cco_CaseComment", CaseNote.MaxLength)
                ?? throw new ValidationException($"{prefix}notes[{i}].cco_CaseComment", "A note needs text."))).ToList();
        return section with { Persons = persons, Events = events, Notes = notes };
    }

    public static ValidatedCase ValidateCaseSection(CaseSection c, string prefix)
    {
        var status = c.Status is null ? CaseStatus.Active : Picklist.Parse<CaseStatus>(c.Status, prefix + "cas_Status");
        DateOnly? opened = null;
        if (c.OpenedOn is not null)
        {
            opened = DateOnly.TryParseExact(c.OpenedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1950 && d.Year <= 2200
                ? d
                : throw new ValidationException(prefix + "openedOn", $"'{Shorten(c.OpenedOn)}' is not a date in the form YYYY-MM-DD.");
        }
        return new ValidatedCase(
            TextRules.Reference(c.Reference, prefix + "reference"),
            status,
            opened,
            TextRules.FreeText(c.Summary, prefix + "summary", Case.MaxSummaryLength),
            TextRules.FreeText(c.ReasonForClosure, prefix + "cas_ReasonForCaseClosure", 2000),
            [], [], []);
    }

    public static ValidatedPerson ValidatePerson(PersonSection p, string prefix, bool requireKey)
    {
        var key = p.Key is null
            ? (requireKey ? throw new ValidationException(prefix + "key", "Each person needs a key, local to the document.") : "")
            : TextRules.Place(p.Key, prefix + "key", 40) ?? "";
        var role = Picklist.ParseRole(p.Role, prefix + "role");
        var aliases = (p.Aliases ?? []).Select((a, i) => TextRules.Name(a, $"{prefix}aliases[{i}]")
            ?? throw new ValidationException($"{prefix}aliases[{i}]", "An alias may not be empty.")).Distinct().ToList();
        if (aliases.Count > 30)
        {
            throw new ValidationException(prefix + "aliases", "At most 30 aliases are allowed.");
        }
        var documents = (p.IdentityDocuments ?? []).Select((d, i) =>
        {
            var f = $"{prefix}identityDocuments[{i}].";
            var type = Picklist.Parse<DocumentType>(d.Type, f + "type");
            var number = d.Number ?? throw new ValidationException(f + "number", "A document number is required.");
            DocumentNumber.Validate(type, number, f + "number");
            CountryCode? country = d.IssuingCountry is null ? null : CountryCode.Parse(d.IssuingCountry, f + "issuingCountry");
            return new DocumentDetails(type, number.Trim(), country);
        }).ToList();
        if (documents.Count > 20)
        {
            throw new ValidationException(prefix + "identityDocuments", "At most 20 identity documents are allowed.");
        }
        var details = new PersonDetails(
            TextRules.Name(p.FirstName, prefix + "prs_FirstName"),
            TextRules.Name(p.MiddleName, prefix + "prs_MiddleName"),
            TextRules.Name(p.SecondName, prefix + "prs_SecondName"),
            TextRules.Name(p.NameInOriginalScript, prefix + "nameInOriginalScript", 200),
            aliases,
            PartialDate.ParseOptional(p.Birthdate, prefix + "prs_Birthdate"),
            p.Gender is null ? null : Picklist.Parse<Gender>(p.Gender, prefix + "prs_Gender"),
            (p.Citizenship ?? []).Select((c, i) => CountryCode.Parse(c, $"{prefix}prs_Citizenship[{i}]")).Distinct().ToList(),
            documents,
            p.MobilePhone is null ? null : PhoneNumber.Normalise(p.MobilePhone, prefix + "prs_MobilePhone"),
            p.HomePhone is null ? null : PhoneNumber.Normalise(p.HomePhone, prefix + "prs_HomePhone"),
            TextRules.Email(p.Email, prefix + "prs_Email"),
            TextRules.Place(p.MailingStreet, prefix + "prs_MailingStreet", 200),
            TextRules.Place(p.MailingCity, prefix + "prs_MailingCity"),
            TextRules.Place(p.MailingState, prefix + "prs_MailingState"),
            TextRules.Place(p.MailingPostalCode, prefix + "prs_MailingPostalCode", 20),
            p.MailingCountry is null ? null : CountryCode.Parse(p.MailingCountry, prefix + "prs_MailingCountry"));
        if (details.BirthDate is { } birth && birth.Earliest > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            throw new ValidationException(prefix + "prs_Birthdate", "A birth date cannot be in the future.");
        }
        if (details.FirstName is null && details.SecondName is null && details.NameInOriginalScript is null && aliases.Count == 0)
        {
            throw new ValidationException(prefix + "prs_FirstName", "A person needs at least one name (first, second, original script or an alias).");
        }

        var hasVictimFields = p.TraffickingStatus is not null || p.StatusDecisionMakingOrg is not null || p.AgeWhenTrafficked is not null
            || p.TypeOfExploitation is not null || p.ForcedLabourIndustry is not null || p.MethodsOfControl is not null || p.RelationshipToTrafficker is not null;
        if (hasVictimFields && role != CaseRole.Victim)
        {
            throw new ValidationException(prefix + "role", "Victim context (vic_ fields) is allowed only for a person whose role is victim.");
        }
        if ((p.RoleInProcess is not null || p.RoleDetails is not null) && role != CaseRole.Suspect)
        {
            throw new ValidationException(prefix + "role", "Suspect context (per_ fields) is allowed only for a person whose role is suspect.");
        }
        VictimContext? victim = role != CaseRole.Victim ? null : new VictimContext(
            p.TraffickingStatus is null ? null : Picklist.Parse<TraffickingStatus>(p.TraffickingStatus, prefix + "vic_TraffickingStatus"),
            p.StatusDecisionMakingOrg is null ? null : Picklist.Parse<StatusDecisionMaker>(p.StatusDecisionMakingOrg, prefix + "vic_TraffickingStatusDecisionMakingOrg"),
            TextRules.Place(p.StatusDecidedBy, prefix + "statusDecidedBy", 200),
            Picklist.ParseMany<ExploitationForm>(p.TypeOfExploitation, prefix + "vic_TypeOfExploitation"),
            p.ForcedLabourIndustry is null ? null : Picklist.Parse<ForcedLabourIndustry>(p.ForcedLabourIndustry, prefix + "vic_ForcedLabourIndustry"),
            Picklist.ParseMany<MethodOfControl>(p.MethodsOfControl, prefix + "vic_MethodsOfControl"),
            p.RelationshipToTrafficker is null ? null : Picklist.Parse<RelationshipToTrafficker>(p.RelationshipToTrafficker, prefix + "vic_RelationshipToTrafficker"),
            p.AgeWhenTrafficked is null or (>= 0 and <= 120) ? p.AgeWhenTrafficked : throw new ValidationException(prefix + "vic_AgeWhenTrafficked", "Age when trafficked must be between 0 and 120."));
        if (victim?.TraffickingStatus is TraffickingStatus.ActualVictimOfTrafficking or TraffickingStatus.NotAVictimOfTrafficking && victim.StatusDecidedBy is null)
        {
            throw new ValidationException(prefix + "vic_TraffickingStatusDecisionMakingOrg", "Say who decided the trafficking status.");
        }
        return new ValidatedPerson(
            key,
            role,
            details,
            victim,
            Picklist.ParseMany<RoleInProcess>(p.RoleInProcess, prefix + "per_RoleInProcess"),
            TextRules.FreeText(p.RoleDetails, prefix + "per_RoleDetails", 2000));
    }

    public static ValidatedEvent ValidateEvent(EventSection e, string prefix, IReadOnlySet<string> knownKeys)
    {
        var persons = (e.Persons ?? []).Select((k, i) => knownKeys.Contains(k) ? k
            : throw new ValidationException($"{prefix}persons[{i}]", $"'{Shorten(k)}' is not the key of a person in this document.")).Distinct().ToList();
        return new ValidatedEvent(
            Picklist.Parse<EventType>(e.Type, prefix + "hte_Type"),
            PartialDate.ParseOptional(e.Date, prefix + "hte_Date"),
            e.Country is null ? null : CountryCode.Parse(e.Country, prefix + "hte_Country"),
            TextRules.Place(e.State, prefix + "hte_State"),
            TextRules.Place(e.City, prefix + "hte_City"),
            TextRules.FreeText(e.Description, prefix + "hte_Description", 4000),
            persons);
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
