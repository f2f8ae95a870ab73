using Lantern.Core.Common;

namespace Lantern.Core.Features.Tips;

/// <summary>The fields of the tip form, as the public form, the operator's form, the API and the CLI send them.</summary>
public sealed record TipForm(
    string? WhatHappened,
    string? Province,
    string? District,
    string? Place,
    string? WhenHappened,
    string? Children,
    int? PeopleCount,
    bool ContactConsent,
    string? Contact);

/// <summary>Validates a tip form: every field has a size limit, free text refuses markup, contact needs consent.</summary>
internal static class TipInput
{
    public static TipReport Validate(TipForm form)
    {
        var what = TextRules.FreeText(form.WhatHappened, "whatHappened", Tip.MaxTextLength)
            ?? throw new ValidationException("whatHappened", "Please say what happened.");
        var province = string.IsNullOrWhiteSpace(form.Province) ? TipProvince.DontKnow : Picklist.Parse<TipProvince>(form.Province.Trim(), "province");
        var children = string.IsNullOrWhiteSpace(form.Children) ? ChildrenAtRisk.DontKnow : Picklist.Parse<ChildrenAtRisk>(form.Children.Trim(), "children");
        if (form.PeopleCount is < 0 or > Tip.MaxPeople)
        {
            throw new ValidationException("peopleCount", $"The number of people is between 0 and {Tip.MaxPeople}.");
        }
        var contact = TextRules.FreeText(form.Contact, "contact", Tip.MaxContactLength);
        if (contact is not null && !form.ContactConsent)
        {
            throw new ValidationException("contactConsent", "Tick the box to agree that we may contact you, or leave the contact details empty.");
        }
        return new TipReport(what, province, TextRules.Place(form.District, "district"), TextRules.FreeText(form.Place, "place", Tip.MaxPlaceLength),
            TextRules.FreeText(form.WhenHappened, "whenHappened", Tip.MaxWhenLength), children, form.PeopleCount, form.ContactConsent ? contact : null);
    }

    public static TipCall Call(DateTime? startedAt, int? durationMinutes, string? language, DateTime now)
    {
        var started = startedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : now;
        if (started > now.AddMinutes(5))
        {
            throw new ValidationException("callStartedAt", "The call cannot start in the future.");
        }
        if (durationMinutes is not { } minutes || minutes is < 0 or > 600)
        {
            throw new ValidationException("callDurationMinutes", "Give the call's duration in minutes (0-600).");
        }
        var code = language?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 3 || !code.All(char.IsAsciiLetterLower))
        {
            throw new ValidationException("callLanguage", "Give the call's language as an ISO 639 code, e.g. ur, pa, ps, sd, en.");
        }
        return new TipCall(started, minutes, code);
    }
}
