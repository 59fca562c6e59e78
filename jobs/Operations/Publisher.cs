using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// Publishes what analysts read without touching the writer: a read-only copy of the warehouse file
/// one Parquet file per analyst view and star table, and one Arrow IPC file per analyst view beside them. Each is written aside and renamed into place,
/// so a reader sees the old copy or the new one, never half of one; publishing twice gives the same files.
/// </summary>
public static class Publisher
{
    /// <summary>Base tables exported beside the views (the star schema and the submission log).</summary>
    private static readonly string[] Tables = ["dim_unit", "dim_indicator", "dim_period", "dim_plan", "dim_target", "fact_value", "submission"];

    /// <summary>What one publish wrote: the snapshot, the Parquet files, and one Arrow IPC file per analyst view (not the base tables) in the same folder.</summary>
    public sealed record Published(string Snapshot, IReadOnlyList<string> ParquetFiles, IReadOnlyList<string> ArrowFiles);

    public static Published Run(Analytics.Warehouse.Warehouse warehouse, ServiceSettings settings)
    {
        Directory.CreateDirectory(settings.PublishedDirectory);
        using var connection = warehouse.Connect();
        var (parquet, arrow) = Export(connection, settings);

        // CHECKPOINT folds the write-ahead log into the file, so the file alone is the whole warehouse;
        // the gate keeps every other writer of this process out while it is copied.
        connection.Execute("CHECKPOINT");
        var temp = settings.SnapshotPath + ".tmp";
        File.Copy(warehouse.Path, temp, overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.Move(temp, settings.SnapshotPath, overwrite: true);
        return new Published(settings.SnapshotPath, parquet, arrow);
    }

    private sealed record Exported(string Name, bool IsView);

    /// <summary>Writes the Parquet and Arrow files into a fresh folder, then swaps it in for the old one whole.</summary>
    private static (List<string> Parquet, List<string> Arrow) Export(DuckDBConnection connection, ServiceSettings settings)
    {
        var exported = connection.Query<Exported>("""
            SELECT view_name AS name, true AS is_view FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
            UNION ALL
            SELECT table_name, false FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database() AND list_contains(string_split($tables, ','), table_name)
            ORDER BY 1
            """, new { tables = string.Join(',', Tables) }).AsList();
        var names = exported.Select(e => e.Name).ToList();
        var views = exported.Where(e => e.IsView).Select(e => e.Name).ToList();

        var stamp = Guid.NewGuid().ToString("N")[..8];
        var fresh = settings.ParquetDirectory + ".new-" + stamp;
        Directory.CreateDirectory(fresh);
        foreach (var name in names)
        {
            var file = Path.Combine(Path.GetFullPath(fresh), name + ".parquet").Replace("'", "''", StringComparison.Ordinal);
            connection.Execute($"COPY (SELECT * FROM \"{name}\") TO '{file}' (FORMAT parquet)");
        }
        foreach (var view in views)
        {
            // Streamed batch by batch, so a view of any size is written in bounded memory.
            ArrowExport.WriteFile(connection, $"SELECT * FROM \"{view}\"", Path.Combine(fresh, view + ".arrow"));
        }
        var old = settings.ParquetDirectory + ".old-" + stamp;
        if (Directory.Exists(settings.ParquetDirectory)) Directory.Move(settings.ParquetDirectory, old);
        Directory.Move(fresh, settings.ParquetDirectory);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        return ([.. names.Select(n => Path.Combine(settings.ParquetDirectory, n + ".parquet"))],
                [.. views.Select(v => Path.Combine(settings.ParquetDirectory, v + ".arrow"))]);
    }
}
