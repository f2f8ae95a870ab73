using System.Globalization;
using SkiaSharp;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// The bundled geography of the district map (<c>Reference/geo</c>, sources in its README): Pakistan's simplified
/// outline (Natural Earth) and each district's headquarters town (GeoNames). Names match case- and
/// punctuation-insensitively ("D.G. Khan", "DG Khan", "dera ghazi khan" are one district).
/// </summary>
public sealed class DistrictCatalogue
{
    public sealed record Place(string District, string Province, string Headquarters, float Latitude, float Longitude);

    private readonly Dictionary<string, Place> _byKey;

    private DistrictCatalogue(IReadOnlyList<SKPoint> outline, IReadOnlyList<Place> places)
    {
        Outline = outline;
        Places = places;
        _byKey = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            _byKey.TryAdd(Key(p.District), p);
            _byKey.TryAdd(Key(p.Headquarters), p);
        }
    }

    /// <summary>Longitude (X), latitude (Y) in degrees.</summary>
    public IReadOnlyList<SKPoint> Outline { get; }

    public IReadOnlyList<Place> Places { get; }

    public Place? Find(string district) => _byKey.GetValueOrDefault(Key(district));

    private static string Key(string name) => new([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    private static readonly Lazy<DistrictCatalogue> Bundled = new(Load);

    public static DistrictCatalogue Pakistan => Bundled.Value;

    private static DistrictCatalogue Load()
    {
        var outline = Lines("pakistan-outline.txt").Select(l => l.Split(',')).Select(p => new SKPoint(Float(p[0]), Float(p[1]))).ToList();
        var places = Lines("pakistan-districts.tsv").Select(l => l.Split('\t')).Select(p => new Place(p[0], p[1], p[2], Float(p[3]), Float(p[4]))).ToList();
        return new DistrictCatalogue(outline, places);
    }

    private static float Float(string s) => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> Lines(string file)
    {
        using var stream = typeof(DistrictCatalogue).Assembly.GetManifestResourceStream("Lantern.Core.Reference.geo." + file)
            ?? throw new InvalidOperationException($"The bundled map data {file} is missing.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
