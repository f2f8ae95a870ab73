using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Cases;

/// <summary>The add-person form maps onto the case document's person section, so the same checks apply as on import and the API.</summary>
[Authorize(Policy = Permissions.CasesEdit)]
public sealed class AddPersonModel(GetCase.Handler get, AddPersonToCase.Handler add) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string Role { get; set; } = "victim";
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? MiddleName { get; set; }
    [BindProperty] public string? SecondName { get; set; }
    [BindProperty] public string? NameInOriginalScript { get; set; }
    [BindProperty] public string? Aliases { get; set; }
    [BindProperty] public string? Birthdate { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Citizenship { get; set; } = "PK";
    [BindProperty] public string? DocumentType { get; set; } = "CNIC";
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? MobilePhone { get; set; }
    [BindProperty] public string? TraffickingStatus { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public string? AgeWhenTrafficked { get; set; }
    [BindProperty] public List<string> Exploitation { get; set; } = [];
    [BindProperty] public string? Industry { get; set; }
    [BindProperty] public string? Relationship { get; set; }
    [BindProperty] public List<string> Control { get; set; } = [];
    [BindProperty] public List<string> RolesInProcess { get; set; } = [];
    [BindProperty] public string? RoleDetails { get; set; }

    public string Reference { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => Reference = (await get.Handle(HttpContext.Actor(), new CaseId(Id), ct)).Reference;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ok = await ModelState.TryAsync(async () =>
        {
            var victim = Role == "victim";
            var suspect = Role == "suspect";
            int? age = null;
            if (!string.IsNullOrWhiteSpace(AgeWhenTrafficked))
            {
                age = int.TryParse(AgeWhenTrafficked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a)
                    ? a : throw new ValidationException("vic_AgeWhenTrafficked", "Enter the age in whole years.");
            }
            var section = new PersonSection
            {
                Role = Role,
                FirstName = Blank(FirstName),
                MiddleName = Blank(MiddleName),
                SecondName = Blank(SecondName),
                NameInOriginalScript = Blank(NameInOriginalScript),
                Aliases = Split(Aliases),
                Birthdate = Blank(Birthdate),
                Gender = Blank(Gender),
                Citizenship = Split(Citizenship),
                IdentityDocuments = string.IsNullOrWhiteSpace(DocumentNumber) ? null : [new IdentityDocumentSection { Type = DocumentType, Number = DocumentNumber, IssuingCountry = DocumentType is "CNIC" or "NICOP" or "BForm" ? "PK" : null }],
                MobilePhone = Blank(MobilePhone),
                TraffickingStatus = victim ? Blank(TraffickingStatus) : null,
                StatusDecisionMakingOrg = victim ? Blank(DecidedBy) : null,
                AgeWhenTrafficked = victim ? age : null,
                TypeOfExploitation = victim && Exploitation.Count > 0 ? Exploitation : null,
                ForcedLabourIndustry = victim ? Blank(Industry) : null,
                RelationshipToTrafficker = victim ? Blank(Relationship) : null,
                MethodsOfControl = victim && Control.Count > 0 ? Control : null,
                RoleInProcess = suspect && RolesInProcess.Count > 0 ? RolesInProcess : null,
                RoleDetails = suspect ? Blank(RoleDetails) : null,
            };
            await add.Handle(HttpContext.Actor(), new CaseId(Id), new AddPersonToCase.Request(section), ct);
        });
        if (ok)
        {
            return Redirect($"/cases/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static List<string>? Split(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
