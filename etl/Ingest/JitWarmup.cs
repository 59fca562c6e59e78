using System.Reflection;
using System.Runtime.CompilerServices;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Compiles ingest's per-value methods on a background thread while the registry and catalog load.
/// </summary>
/// <remarks>
/// Those methods are marked <see cref="MethodImplOptions.AggressiveOptimization"/>, which ReadyToRun
/// leaves out: they were compiled on first call, about 0.15 s of JIT on the reading and loading
/// threads of a run's first batch (`dotnet-trace`, national 2024-Q1). Loading the
/// <see cref="IngestContext"/> keeps one core busy with DuckDB, so the other compiles them meanwhile.
/// Once per process; a method already being compiled by another thread is waited for, not compiled twice.
/// </remarks>
internal static class JitWarmup
{
    private static int _started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        Task.Run(static () => Prepare());
    }

    /// <summary>Compiles the assembly's non-generic <see cref="MethodImplOptions.AggressiveOptimization"/> methods; returns them.</summary>
    internal static List<MethodInfo> Prepare()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var prepared = new List<MethodInfo>();
        foreach (var type in typeof(JitWarmup).Assembly.GetTypes())
        {
            if (type.ContainsGenericParameters) continue;
            var initialised = false;
            foreach (var method in type.GetMethods(all))
            {
                if (method.IsAbstract || method.ContainsGenericParameters) continue;
                if ((method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0) continue;
                // Static fields first: code compiled after them reads static readonly tables as constants.
                if (!initialised) RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                initialised = true;
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
                prepared.Add(method);
            }
        }
        return prepared;
    }
}
