using Lantern.Core.Features.Referrals;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Referrals;

[Authorize(Policy = Permissions.ReferralsRead)]
public sealed class DetailModel(GetReferral.Handler get, SendReferral.Handler send, AnswerReferral.Handler answer, WithdrawReferral.Handler withdraw) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ReferralView? Referral { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Referral = await get.Handle(HttpContext.Actor(), new ReferralId(Id), ct);

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) => Act(() => send.Handle(HttpContext.Actor(), new ReferralId(Id), new SendReferral.Request(), ct), ct);

    public Task<IActionResult> OnPostOverrideAsync(CancellationToken ct) => Act(() => send.Handle(HttpContext.Actor(), new ReferralId(Id), new SendReferral.Request(Reason ?? ""), ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => Act(() => answer.AcceptAsync(HttpContext.Actor(), new ReferralId(Id), ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => Act(() => answer.DeclineAsync(HttpContext.Actor(), new ReferralId(Id), new AnswerReferral.DeclineRequest(Reason), ct), ct);

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) => Act(() => answer.StartAsync(HttpContext.Actor(), new ReferralId(Id), ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) => Act(() => answer.CompleteAsync(HttpContext.Actor(), new ReferralId(Id), ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => Act(() => withdraw.Handle(HttpContext.Actor(), new ReferralId(Id), new WithdrawReferral.Request(Reason), ct), ct);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/referrals/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
