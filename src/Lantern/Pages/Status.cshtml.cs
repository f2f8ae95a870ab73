using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages;

// Exempt from authorisation: the pages Lantern sends people to when something is missing, denied or broken; they show no data.
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(string kind)
    {
        (Title, Message, Response.StatusCode) = kind switch
        {
            "not-found" => ("Not found", "This record does not exist, or you may not see it.", 404),
            "forbidden" => ("Not allowed", "Your role does not allow this. Ask your administrator if you need it.", 403),
            _ => ("Something went wrong", "The error has been logged. Try again, or tell your administrator.", 500),
        };
    }
}
