using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>
/// The indicator editor (administrators): a new indicator, or the next version of one, as its JSON definition, with
/// the measures and the filters each takes beside it and the versions so far. A definition is checked whole before
/// it is kept; an error names the field and what was typed stays in the box.
/// </summary>
[Authorize(Policy = Permissions.StatisticsIndicatorsManage)]
public sealed class IndicatorEditModel(DefineNapIndicator.Handler definitions) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Definition { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public IReadOnlyList<DefineNapIndicator.DefinitionView> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            Code = null;
            Definition = Example;
            return Page();
        }
        try
        {
            History = await definitions.HistoryAsync(HttpContext.Actor(), Code, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Definition = History[^1].Definition;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(Code) ? null : Code;
        IReadOnlyList<DefineNapIndicator.DefinitionView>? saved = null;
        await ModelState.TryAsync(async () => saved = await definitions.SaveAsync(HttpContext.Actor(),
            new DefineNapIndicator.Request(Definition, code is null ? DefineNapIndicator.Mode.Create : DefineNapIndicator.Mode.Replace, code), ct));
        if (saved is null)
        {
            if (code is not null)
            {
                History = await definitions.HistoryAsync(HttpContext.Actor(), code, ct);
            }
            return Page();
        }
        return Redirect($"/statistics/indicators/edit?code={Uri.EscapeDataString(saved[0].Code)}&saved=true");
    }

    /// <summary>What a new definition starts from: every field, with a placeholder code the administrator replaces.</summary>
    private const string Example = """
        {
          "code": "NAP-9.9",
          "title": "Girls identified as victims in Punjab",
          "description": null,
          "numerator": "victims.identified",
          "denominator": null,
          "unit": "count",
          "filters": { "province": "Punjab", "sexAge": ["girls"] },
          "baseline": { "year": 2023, "value": 10 },
          "target": { "year": 2027, "value": 20 },
          "period": "calendar-year",
          "source": null
        }
        """;
}
