using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Prosecutions;

[Authorize(Policy = Permissions.HearingsRead)]
public sealed class HearingsModel(ListHearings.Handler list) : FormPage
{
    // Nullable: a non-nullable string is implicitly required, and /hearings without ?scope= showed "The Scope field is required."
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; } = "mine";
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public DateOnly First { get; private set; }
    public IReadOnlyList<CalendarHearing> Hearings { get; private set; } = [];
    public IReadOnlyList<CalendarHearing> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope ??= "mine";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        First = DateOnly.TryParseExact((Month ?? "") + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m)
            ? m : new DateOnly(today.Year, today.Month, 1);
        if (await ModelState.TryAsync(async () =>
        {
            Hearings = await list.Handle(HttpContext.Actor(), new ListHearings.Request(Scope ?? "mine", First, First.AddMonths(1).AddDays(-1)), ct);
            Upcoming = await list.UpcomingAsync(HttpContext.Actor(), Scope ?? "mine", 14, ct);
        }))
        {
            return;
        }
        Scope = "mine";
    }
}
