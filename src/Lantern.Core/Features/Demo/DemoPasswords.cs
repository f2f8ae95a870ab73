using System.Globalization;
using System.Security.Cryptography;
using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Readable passwords for demo accounts: three words and four digits ("cotton-harbour-violet-4821"), drawn
/// with <see cref="RandomNumberGenerator"/> so they differ on every installation (170 words: about 35 bits; the accounts
/// hold synthetic data only, and PBKDF2 makes each guess cost 0.3 s).
/// </summary>
internal static class DemoPasswords
{
    private static readonly string[] Words =
    [
        "amber", "anchor", "apple", "apricot", "arrow", "autumn", "bamboo", "banner", "barley", "basket",
        "beacon", "bicycle", "blanket", "blossom", "bottle", "breeze", "bridge", "bright", "bronze", "bucket",
        "butter", "cabin", "cactus", "camel", "canal", "candle", "canvas", "carpet", "castle", "cedar",
        "chalk", "cherry", "chimney", "cinnamon", "circle", "citrus", "clover", "cobalt", "coconut", "comet",
        "copper", "coral", "cotton", "cradle", "crystal", "cypress", "daisy", "delta", "desert", "dolphin",
        "dragon", "drizzle", "eagle", "ember", "engine", "falcon", "feather", "fennel", "fiddle", "ginger",
        "glacier", "glider", "granite", "harbour", "harvest", "hazel", "helmet", "heron", "hickory", "honey",
        "horizon", "indigo", "island", "ivory", "jasmine", "jigsaw", "jungle", "kettle", "kestrel", "kite",
        "ladder", "lagoon", "lantern", "lemon", "lily", "linen", "lotus", "magnet", "mango", "maple",
        "marble", "meadow", "melon", "meteor", "mirror", "monsoon", "mosaic", "mountain", "mulberry", "needle",
        "nutmeg", "oasis", "olive", "orbit", "orchard", "otter", "paddle", "palace", "panther", "paper",
        "parrot", "pebble", "pelican", "pepper", "pigeon", "pillow", "planet", "plum", "pocket", "pomegranate",
        "poplar", "prairie", "pumpkin", "quartz", "quill", "rabbit", "radish", "rainbow", "raven", "ribbon",
        "river", "rocket", "saddle", "saffron", "sapphire", "satchel", "shadow", "shell", "silver", "sparrow",
        "spinach", "spruce", "squirrel", "stable", "starling", "stone", "summit", "sunrise", "swallow", "tablet",
        "tamarind", "teapot", "thimble", "thunder", "tiger", "timber", "tulip", "tunnel", "turnip", "valley",
        "velvet", "violet", "walnut", "wander", "window", "winter", "wizard", "willow", "yellow", "zephyr",
    ];

    public static string Generate()
    {
        while (true)
        {
            var words = Enumerable.Range(0, 3).Select(_ => Words[RandomNumberGenerator.GetInt32(Words.Length)]);
            var digits = RandomNumberGenerator.GetInt32(10_000).ToString("D4", CultureInfo.InvariantCulture);
            var password = string.Join('-', words) + "-" + digits;
            try
            {
                PasswordPolicy.Validate(password);
                return password;
            }
            catch (ValidationException)
            {
                // A combination on the common-password list is unlikely, but the policy has the last word.
            }
        }
    }
}
