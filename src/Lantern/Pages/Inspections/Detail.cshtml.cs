using System.Globalization;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Inspections;

/// <summary>An inspection, and the form that opens a case for the persons found.</summary>
[Authorize(Policy = Permissions.InspectionsRead)]
public sealed class DetailModel(GetInspection.Handler get, OpenCaseFromInspection.Handler open) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>One person a line: "First Second, age, sex" (age and sex optional; sex Feminine or Masculine...).</summary>
    [BindProperty] public string? Persons { get; set; }
    [BindProperty] public string? Reference { get; set; }

    public InspectionView? Inspection { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Inspection = await get.Handle(HttpContext.Actor(), Id, ct);

    public async Task<IActionResult> OnPostOpenCaseAsync(CancellationToken ct)
    {
        OpenCaseFromInspection.Response? opened = null;
        if (await ModelState.TryAsync(async () =>
            {
                var persons = (Persons ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select((line, n) =>
                {
                    var parts = line.Split(',', StringSplitOptions.TrimEntries);
                    var names = parts[0].Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    int? age = parts.Length > 1 && parts[1].Length > 0
                        ? int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : throw new Core.Common.ValidationException($"persons[{n}].vic_AgeWhenTrafficked", $"'{parts[1]}' is not an age.")
                        : null;
                    return new PersonSection { Role = "victim", FirstName = names.ElementAtOrDefault(0), SecondName = names.ElementAtOrDefault(1), AgeWhenTrafficked = age, Gender = parts.ElementAtOrDefault(2) is { Length: > 0 } g ? g : null };
                }).ToList();
                opened = await open.Handle(HttpContext.Actor(), Id, new OpenCaseFromInspection.Request(Reference, persons), ct);
            }))
        {
            return Redirect($"/cases/{opened!.CaseId}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
