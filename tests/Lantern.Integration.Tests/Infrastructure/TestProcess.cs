using System.Runtime.CompilerServices;
using Lantern.Core.Security;

namespace Lantern.Integration.Tests.Infrastructure;

/// <summary>Settings of the test process itself, applied once before any test runs.</summary>
internal static class TestProcess
{
    /// <summary>
    /// New password and tip-phrase hashes in this process cost 1,000 PBKDF2 iterations instead of 600,000: every
    /// server of the suite creates nine users, the demo seeds dozens, and each full-cost hash is about half a second
    /// of a CPU. Verification still reads the cost from each hash; the production cost is asserted in
    /// Lantern.Core.Tests (PasswordTests), which keeps it.
    /// </summary>
#pragma warning disable CA2255 // a module initializer in a test assembly is the point: before any fixture hashes
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialise() => PasswordHasher.NewHashIterations = 1_000;
}
