namespace Lantern.Core.Common;

public readonly record struct OrganisationId(Guid Value)
{
    public static OrganisationId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}

public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}

public readonly record struct CaseId(Guid Value)
{
    public static CaseId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}

public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(SequentialGuid.Next());
    public override string ToString() => Value.ToString();
}
