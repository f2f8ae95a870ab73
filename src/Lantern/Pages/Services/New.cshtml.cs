using Lantern.Core.Features.Referrals;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Services;

/// <summary>An administrator adds a service their organisation offers to the directory.</summary>
[Authorize(Policy = Permissions.ServicesManage)]
public sealed class NewModel(ManageServices.AddHandler add) : FormPage
{
    [BindProperty] public string? Type { get; set; } = nameof(ServiceType.Shelter);
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty] public int? Places { get; set; }
    [BindProperty] public int? PlacesFree { get; set; }
    [BindProperty] public string? Languages { get; set; } = "ur";
    [BindProperty] public bool AcceptsChildren { get; set; }
    [BindProperty] public bool AcceptsWomen { get; set; }
    [BindProperty] public bool AcceptsMen { get; set; }
    [BindProperty] public int? ResponseHours { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? Description { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var languages = (Languages ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Cast<string?>().ToList();
        var input = new ServiceInput(Type, Name, Province, District, Places, PlacesFree, languages, AcceptsChildren, AcceptsWomen, AcceptsMen, ResponseHours,
            ContactName, ContactPhone, ContactEmail, Description);
        return await ModelState.TryAsync(() => add.Handle(HttpContext.Actor(), input, ct)) ? Redirect("/services") : Page();
    }
}
