using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web;

/// <summary>A page with a form: marks the fields Core named in its errors, so the browser and screen readers show which.</summary>
public abstract class FormPage : PageModel
{
    /// <summary>"true" when the field has an error, otherwise null (Razor then leaves the attribute out).</summary>
    public string? Invalid(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;
}
