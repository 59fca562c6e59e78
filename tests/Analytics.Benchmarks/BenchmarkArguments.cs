using System.Globalization;

namespace Analytics.Benchmarks;

/// <summary>Reads "--name value" options; unknown options are an error so typos do not go unnoticed.</summary>
public sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchmarkArguments(string[] args, params string[] known)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!known.Contains(name)) throw new ArgumentException($"Unknown option {name}; expected one of {string.Join(", ", known)}.");
            if (i + 1 >= args.Length) throw new ArgumentException($"Option {name} needs a value.");
            _values[name] = args[++i];
        }
    }

    public long GetInt64(string name, long fallback) =>
        _values.TryGetValue(name, out var v) ? long.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string GetString(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;
}
