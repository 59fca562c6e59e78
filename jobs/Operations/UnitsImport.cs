using Analytics.Etl.Registry;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics units import FILE`: the unit registry with its history, loaded whole or refused whole.</summary>
public static class UnitsImport
{
    /// <summary>Imports the registry file; an unreadable file throws <see cref="Analytics.Etl.Files.UnreadableFileException"/>.</summary>
    public static UnitRegistryImport.Result Run(DuckDBConnection connection, string path) => UnitRegistryImport.Import(connection, path);
}
