namespace Lantern.Core.Common;

/// <summary>Input that breaks a rule. <see cref="Field"/> names the offending field (JSON path style) so every front door can say which.</summary>
public sealed class ValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The record does not exist, or the actor may not know that it exists. Both cases raise this one
/// exception so that "denied" and "absent" cannot be told apart.
/// </summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.")
{
    public string What { get; } = what;
}

/// <summary>The actor is known but lacks the permission for an operation whose target is not secret.</summary>
public sealed class ForbiddenException(string permission) : Exception($"This requires the permission '{permission}'.")
{
    public string Permission { get; } = permission;
}

/// <summary>An operation that conflicts with the current state (duplicate reference, stale version).</summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
