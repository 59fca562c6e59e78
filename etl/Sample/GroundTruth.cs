using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analytics.Etl.Sample;

/// <summary>
/// What an ingest of the sample must find, counted from what was actually written: submissions, the
/// refusals by reason, expected reconciliation warnings, and completeness per period.
/// </summary>
internal sealed class GroundTruth
{
    private readonly List<PeriodCounts> _periods = [];
    private readonly SortedDictionary<string, long> _refused = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _files = new(StringComparer.Ordinal);

    public long Written { get; private set; }
    public long Accepted { get; private set; }
    public long Resubmissions { get; set; }
    public long ReconciliationWarnings { get; set; }
    public long ReconciliationInjected { get; set; }
    public long ReconciliationFromMergers { get; set; }
    public long UpperSubmissions { get; set; }
    public long Rows { get; set; }

    public long Refused => _refused.Values.Sum();
    public long Late => _periods.Sum(p => p.Late);
    public long Missing => _periods.Sum(p => p.Expected - p.Received);
    public int Files => (int)_files.Values.Sum();

    public void File(string extension) => _files[extension] = _files.GetValueOrDefault(extension) + 1;

    public void AcceptedSubmission() { Written++; Accepted++; }

    public void RefusedSubmission(InjectedError reason)
    {
        Written++;
        var key = JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());
        _refused[key] = _refused.GetValueOrDefault(key) + 1;
    }

    public PeriodCounts Period(string code)
    {
        var counts = new PeriodCounts(code);
        _periods.Add(counts);
        return counts;
    }

    public void Write(string path, SampleOptions options, int unitRows, int unitCodes, int activeGrassroots, long members,
        IReadOnlyList<string> quarters, IReadOnlyList<string> years, int months)
    {
        using var stream = System.IO.File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Vietnamese stays readable in the file.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("scale", options.Scale.ToString().ToLowerInvariant());
        json.WriteNumber("seed", options.Seed);
        json.WriteString("as_of", options.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("from_year", options.FromYear);
        json.WriteString("deadline_rule", "received before the 15th of the period's last month, Vietnam time (Long Biên plan, seed 001)");

        json.WriteStartObject("units");
        json.WriteNumber("rows", unitRows);
        json.WriteNumber("codes", unitCodes);
        json.WriteNumber("grassroots_active_at_as_of", activeGrassroots);
        json.WriteNumber("members_at_as_of", members);
        json.WriteEndObject();

        json.WriteStartObject("periods");
        WriteList(json, "quarters", quarters);
        WriteList(json, "years", years);
        json.WriteNumber("months", months);
        json.WriteEndObject();

        json.WriteStartObject("files");
        json.WriteNumber("total", Files);
        foreach (var (ext, n) in _files)
        {
            json.WriteNumber(ext, n);
        }

        json.WriteNumber("value_rows", Rows);
        json.WriteEndObject();

        json.WriteStartObject("submissions");
        json.WriteNumber("written", Written);
        json.WriteNumber("accepted", Accepted);
        json.WriteNumber("refused", Refused);
        json.WriteNumber("resubmissions", Resubmissions);
        json.WriteNumber("upper_level", UpperSubmissions);
        json.WriteStartObject("refused_by_reason");
        foreach (var (reason, n) in _refused)
        {
            json.WriteNumber(reason, n);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("warnings");
        json.WriteNumber("reconciliation", ReconciliationWarnings);
        json.WriteNumber("reconciliation_injected", ReconciliationInjected);
        json.WriteNumber("reconciliation_from_mergers", ReconciliationFromMergers);
        json.WriteEndObject();

        json.WriteStartObject("completeness");
        json.WriteNumber("expected", _periods.Sum(p => p.Expected));
        json.WriteNumber("received", _periods.Sum(p => p.Received));
        json.WriteNumber("on_time", _periods.Sum(p => p.Received - p.Late));
        json.WriteNumber("late", Late);
        json.WriteNumber("missing", Missing);
        json.WriteStartArray("by_period");
        foreach (var p in _periods)
        {
            json.WriteStartObject();
            json.WriteString("period", p.Code);
            json.WriteNumber("expected", p.Expected);
            json.WriteNumber("received", p.Received);
            json.WriteNumber("on_time", p.Received - p.Late);
            json.WriteNumber("late", p.Late);
            json.WriteNumber("missing", p.Expected - p.Received);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }
}
