namespace Lantern.Core.Features.Networks;

/// <summary>What a node of the network stands for. At most 32 kinds, so a set of kinds fits in one mask.</summary>
public enum NodeType : byte
{
    Person,
    Case,
    Phone,
    IdentityDocument,
    BankAccount,
    Address,
    Vehicle,
    Organisation,
    Place,
}

/// <summary>How two nodes are related. Edges are undirected; at most 32 kinds, so a set of kinds fits in one mask.</summary>
public enum EdgeType : byte
{
    /// <summary>A person takes part in a case (victim, suspect, witness).</summary>
    ParticipatesIn,
    /// <summary>A person uses a phone number.</summary>
    Uses,
    /// <summary>A person holds an identity document or a bank account.</summary>
    Holds,
    /// <summary>A person lives or stayed at an address.</summary>
    LivesAt,
    /// <summary>A person owns or drives a vehicle.</summary>
    Owns,
    /// <summary>A person works for or belongs to an organisation (agency, recruiting firm, employer).</summary>
    MemberOf,
    /// <summary>A case or an address is at a place (district, city, border crossing).</summary>
    LocatedAt,
    /// <summary>A phone called another, money moved between accounts, a person met another.</summary>
    Contacted,
    /// <summary>A victim moved through a place (origin, transit, destination).</summary>
    Travelled,
    /// <summary>An analyst confirmed two records to be one person.</summary>
    SameAs,
    /// <summary>Any other relation recorded on a case.</summary>
    Other,
}
