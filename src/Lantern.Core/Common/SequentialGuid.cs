namespace Lantern.Core.Common;

/// <summary>
/// Version-7 GUIDs that strictly increase within this process. <see cref="Guid.CreateVersion7()"/> orders by
/// millisecond only; the people, aliases and events of one case are created in the same millisecond, and their
/// order must survive an export and import.
/// </summary>
public static class SequentialGuid
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    public static Guid Next()
    {
        var next = Guid.CreateVersion7();
        lock (Gate)
        {
            if (next.CompareTo(_last) <= 0)
            {
                var bytes = _last.ToByteArray(bigEndian: true);
                for (var i = 15; i >= 8; i--)
                {
                    if (++bytes[i] != 0)
                    {
                        break;
                    }
                }
                next = new Guid(bytes, bigEndian: true);
            }
            _last = next;
            return next;
        }
    }
}
