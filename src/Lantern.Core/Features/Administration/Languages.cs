namespace Lantern.Core.Features.Administration;

/// <summary>The languages Lantern's interface is written in, by ISO 639-1 code. English is the source language.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Urdu = "ur";

    public static IReadOnlyList<string> All { get; } = [English, Urdu];

    public static bool IsSupported(string? language) => language is English or Urdu;
}
