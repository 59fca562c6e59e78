namespace Analytics.Warehouse.Tests;

/// <summary>A database path in a fresh temporary folder, deleted with everything DuckDB wrote beside it.</summary>
public sealed class TempDatabaseFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-tests-" + Guid.NewGuid().ToString("N"));

    public TempDatabaseFile(string name = "test.duckdb")
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A database still open elsewhere in the test keeps its file; the temp folder is swept by the OS.
        }
    }
}
