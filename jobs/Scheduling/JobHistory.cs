using System.Text.Json;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// The run history as JSON lines in the output folder. Nodes of a cluster share the output folder,
/// so every node sees every run; one short line per append keeps concurrent appends whole.
/// </summary>
public sealed class JobHistory(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _lock = new();

    public string Path { get; } = path;

    public void Add(JobRun run)
    {
        var line = JsonSerializer.Serialize(run, Json) + "\n";
        lock (_lock)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            File.AppendAllText(Path, line);
        }
    }

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<JobRun> All()
    {
        if (!File.Exists(Path)) return [];
        string[] lines;
        lock (_lock)
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        var runs = new List<JobRun>(lines.Length);
        foreach (var line in lines)
        {
            try
            {
                if (JsonSerializer.Deserialize<JobRun>(line, Json) is { } run) runs.Add(run);
            }
            catch (JsonException)
            {
                // A line cut short by a killed node: the run is lost from the history, the rest stays readable.
            }
        }
        return runs;
    }

    public IReadOnlyList<JobRun> For(string job) => [.. All().Where(r => r.Job == job)];
}
