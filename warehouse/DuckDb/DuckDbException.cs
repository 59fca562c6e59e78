using System.Diagnostics.CodeAnalysis;

namespace Analytics.Warehouse.DuckDb;

/// <summary>The one exception the binding throws for a failure DuckDB reports; carries DuckDB's own text.</summary>
public sealed class DuckDbException : Exception
{
    public DuckDbException(string message) : base(message) { }

    public DuckDbException(string message, Exception inner) : base(message, inner) { }

    [DoesNotReturn]
    internal static void Throw(string? duckDbMessage, string context) =>
        throw new DuckDbException(string.IsNullOrEmpty(duckDbMessage) ? $"DuckDB error ({context})" : duckDbMessage);
}
