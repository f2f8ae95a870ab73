using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Lantern.Features.Tips;

/// <summary>Limits of the public tip-line doors. Replaced in tests.</summary>
public sealed record TipLimits(int SubmissionsPerNetwork = 5, int FollowUpsPerNetwork = 10, int PerNetworkWindowMinutes = 10, int OverallPerMinute = 60);

public enum TipDoor { Submission, FollowUp }

/// <summary>
/// Rate limits of the public tip-line doors, kept in memory only: per network (IPv4 /24, IPv6 /48) and overall.
/// A network is known only by an HMAC of its prefix under a key made at process start, never persisted or logged;
/// the counters forget it when the window ends. No address reaches Core, the database or a log line.
/// </summary>
public sealed class TipLimiter(TipLimits limits, TimeProvider clock)
{
    private const int MaxTracked = 50_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, Window> _networks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Window _overall;

    /// <summary>True when the request may go on; counts it.</summary>
    public bool TryAcquire(TipDoor door, IPAddress? address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = door + ":" + NetworkKey(address);
        var window = TimeSpan.FromMinutes(limits.PerNetworkWindowMinutes);
        var perNetwork = door == TipDoor.Submission ? limits.SubmissionsPerNetwork : limits.FollowUpsPerNetwork;
        lock (_lock)
        {
            if (_overall.Start + TimeSpan.FromMinutes(1) <= now)
            {
                _overall = new Window(now, 0);
            }
            if (_overall.Count >= limits.OverallPerMinute)
            {
                return false;
            }
            if (_networks.Count > MaxTracked)
            {
                foreach (var stale in _networks.Where(n => n.Value.Start + window <= now).Select(n => n.Key).ToList())
                {
                    _networks.Remove(stale);
                }
            }
            var current = _networks.TryGetValue(key, out var w) && w.Start + window > now ? w : new Window(now, 0);
            if (current.Count >= perNetwork)
            {
                return false;
            }
            _networks[key] = current with { Count = current.Count + 1 };
            _overall = _overall with { Count = _overall.Count + 1 };
            return true;
        }
    }

    /// <summary>The keyed hash of the address's network: /24 for IPv4, /48 for IPv6.</summary>
    internal string NetworkKey(IPAddress? address)
    {
        if (address is null)
        {
            return "none";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? bytes[..3] : bytes[..6];
        return Convert.ToHexString(HMACSHA256.HashData(_key, (byte[])[(byte)prefix.Length, .. prefix])[..16]);
    }

    private readonly record struct Window(DateTime Start, int Count);
}
