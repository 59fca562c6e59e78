using System.Data.Common;

namespace Analytics.Warehouse.Store;

/// <summary>
/// A refusal of the warehouse's own (no file, a conflicting open, a failed migration), as opposed to
/// an error DuckDB reports (<see cref="DuckDB.NET.Data.DuckDBException"/>). Both are
/// <see cref="DbException"/>s, which is what front ends catch to show a database problem.
/// </summary>
public sealed class WarehouseException : DbException
{
    public WarehouseException(string message) : base(message) { }

    public WarehouseException(string message, Exception inner) : base(message, inner) { }
}
