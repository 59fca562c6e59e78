using System.Runtime.CompilerServices;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Tests;

/// <summary>The tests run commands through CliApp as Program.cs does: the service's entry points are installed first, as it does.</summary>
internal static class ServiceEntryPointsInstalled
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "the test assembly's counterpart of Program.cs, which installs the same entry points before any command")]
    internal static void Install() => ServiceEntryPoints.Install(ServiceApp.EntryPoints);
}
