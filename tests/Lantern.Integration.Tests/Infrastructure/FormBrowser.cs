using System.Net;
using System.Text.RegularExpressions;

namespace Lantern.Integration.Tests.Infrastructure;

/// <summary>A cookie-keeping HTTP client that fills forms with their antiforgery token, without following redirects.</summary>
public sealed partial class FormBrowser : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public FormBrowser(string address) => Client = new HttpClient(_handler) { BaseAddress = new Uri(address) };

    public HttpClient Client { get; }

    public string LastPage { get; private set; } = "";

    public async Task<string> GetAsync(string path)
    {
        LastPage = await Client.GetStringAsync(new Uri(path, UriKind.Relative));
        return LastPage;
    }

    /// <summary>Loads the form page, posts the fields with its token, and returns where the browser ends up.</summary>
    public async Task<Uri> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await GetAsync(formPage);
        var token = TokenPattern().Match(page).Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Client.PostAsync(new Uri(action, UriKind.Relative), content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!;
            var target = location.IsAbsoluteUri ? location : new Uri(Client.BaseAddress!, location);
            using var landed = await Client.GetAsync(target);
            LastPage = await landed.Content.ReadAsStringAsync();
            return target;
        }
        LastPage = await response.Content.ReadAsStringAsync();
        return new Uri(Client.BaseAddress!, action.Split('?')[0]);
    }

    public Task<Uri> SignInAsync(string username, string password) =>
        PostFormAsync("/login", "/login", new() { ["Username"] = username, ["Password"] = password });

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
