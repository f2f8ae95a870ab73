using Lantern.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lantern.Web;

/// <summary>Shows Core's validation errors on a form, naming the field in words a user knows.</summary>
public static class PageErrors
{
    /// <summary>Runs <paramref name="action"/>; a validation or conflict error becomes a form error and returns false.</summary>
    public static async Task<bool> TryAsync(this ModelStateDictionary state, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationException e)
        {
            state.AddModelError(e.Field, e.Message);
            return false;
        }
        catch (ConflictException e)
        {
            state.AddModelError(e.Field, e.Message);
            return false;
        }
    }
}

/// <summary>Field names as the case document spells them, and the labels the forms show for them.</summary>
public static class FieldLabels
{
    // Case-insensitive: ModelState's keys are, so Core's "whatHappened" lands on the bound property's "WhatHappened".
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reference"] = "Reference",
        ["cas_Status"] = "Status",
        ["openedOn"] = "Opened on",
        ["summary"] = "Summary",
        ["cas_ReasonForCaseClosure"] = "Reason for closure",
        ["role"] = "Role",
        ["prs_FirstName"] = "First name",
        ["prs_MiddleName"] = "Middle name",
        ["prs_SecondName"] = "Second name",
        ["nameInOriginalScript"] = "Name in original script",
        ["prs_Birthdate"] = "Birth date",
        ["prs_Gender"] = "Gender",
        ["prs_MobilePhone"] = "Mobile phone",
        ["prs_Email"] = "E-mail",
        ["vic_AgeWhenTrafficked"] = "Age when trafficked",
        ["vic_TraffickingStatus"] = "Trafficking status",
        ["vic_TraffickingStatusDecisionMakingOrg"] = "Status decided by",
        ["per_RoleDetails"] = "Role details",
        ["hte_Type"] = "Event type",
        ["hte_Date"] = "Date",
        ["hte_Country"] = "Country",
        ["hte_State"] = "State or province",
        ["hte_City"] = "City",
        ["hte_Description"] = "Description",
        ["text"] = "Note",
        ["username"] = "Username",
        ["password"] = "Password",
        ["q"] = "Search",
        // Tip line, labour inspections, workplaces, screening, services and users (the pages translated with them).
        ["whatHappened"] = "What happened",
        ["province"] = "Province",
        ["district"] = "District",
        ["place"] = "Place",
        ["whenHappened"] = "When",
        ["children"] = "Children at risk",
        ["peopleCount"] = "Number of people",
        ["contact"] = "Contact",
        ["contactConsent"] = "Agreement to be contacted",
        ["number"] = "Tip number",
        ["phrase"] = "Secret phrase",
        ["callStartedAt"] = "Call started",
        ["callDurationMinutes"] = "Duration",
        ["callLanguage"] = "Language",
        ["reason"] = "Reason",
        ["caseId"] = "Case",
        ["name"] = "Name",
        ["kind"] = "Kind",
        ["status"] = "Status",
        ["latitude"] = "Latitude",
        ["longitude"] = "Longitude",
        ["ownerName"] = "Owner's name",
        ["operatorName"] = "Operator or munshi",
        ["registrationNumbers"] = "Registration numbers",
        ["workplaceId"] = "Workplace",
        ["inspectedOn"] = "Date of the inspection",
        ["inspectors"] = "Inspectors",
        ["men"] = "Men",
        ["women"] = "Women",
        ["boys"] = "Boys",
        ["girls"] = "Girls",
        ["workersFound"] = "Workers found",
        ["childrenFound"] = "Children found",
        ["childAges"] = "Ages of the children",
        ["indicator"] = "Indicator",
        ["peshgiAmount"] = "Peshgi owed",
        ["peshgiWorkers"] = "Workers owing peshgi",
        ["findings"] = "Findings",
        ["workersReleased"] = "Workers released",
        ["releaseOrderReference"] = "Release order reference",
        ["firNumber"] = "FIR number",
        ["policeStation"] = "Police station",
        ["victimsReferredToServices"] = "Victims referred to services",
        ["followUpDue"] = "Follow-up visit",
        ["persons"] = "Persons found",
        ["participantId"] = "Person",
        ["exploitation"] = "Form of exploitation",
        ["decidedBy"] = "Kind of deciding organisation",
        ["decidingOrganisation"] = "Deciding organisation",
        ["year"] = "Year",
        ["level"] = "Level",
        ["organisation"] = "Organisation",
        ["decidedOn"] = "Date of the decision",
        ["csv"] = "Catalogue CSV",
        ["label"] = "Label",
        ["type"] = "Type",
        ["places"] = "Places",
        ["placesFree"] = "Places free",
        ["responseHours"] = "Answers within",
        ["contactPhone"] = "Contact phone",
        ["contactEmail"] = "Contact e-mail",
        ["languages"] = "Languages",
    };

    public static string For(string field)
    {
        var key = field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;
        var bare = key.Contains('[', StringComparison.Ordinal) ? key[..key.IndexOf('[', StringComparison.Ordinal)] : key;
        return Labels.TryGetValue(bare, out var label) ? (bare == key ? label : $"{label} {key[bare.Length..]}") : field;
    }
}
