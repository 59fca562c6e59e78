using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Ingest;

/// <summary>
/// The latest accepted version of each (unit, period) a run writes to, read from the warehouse
/// once per period code and then kept up to date as batches commit. Before, every batch joined
/// its keys against the whole submission table (a national quarter: 0.27 s of the loading
/// thread's time, and growing with the warehouse); a period's submissions are now read with one
/// filtered scan the first time the run meets the period. Periods the run has not touched for
/// <see cref="IdleBatches"/> batches are forgotten, so a back-load over years (which meets the
/// periods roughly in order) holds only the few it is working on.
/// </summary>
/// <remarks>
/// Only what a run has committed goes in (<see cref="Commit"/>), so a batch that fails and is
/// retried file by file sees the warehouse as it is. Each run (<see cref="Ingestor.IngestFiles"/>)
/// starts afresh. Another connection writing submissions for the same periods during a run would
/// not be seen; ingest runs are serialised (the service lock, one writing process per warehouse file).
/// </remarks>
internal sealed class CurrentVersions
{
    private const int IdleBatches = 8;

    private sealed class Period(int lastUsed)
    {
        /// <summary>By unit_id.</summary>
        public Dictionary<int, (int Version, string Hash, long Id)> Units { get; } = [];

        public int LastUsed { get; set; } = lastUsed;
    }

    // By period_id. Integer keys: the loading thread looks these up once per submission, and
    // string keys (hashing unit and period codes) had cost it about 0.1 s per national quarter.
    private readonly Dictionary<int, Period> _periods = [];
    private int _batch;

    private sealed record AcceptedVersion(string UnitCode, int Version, string ContentHash, long SubmissionId);

    private const string VersionsOfPeriod = """
        SELECT unit_code, max(version) AS version, arg_max(content_hash, version) AS content_hash, max(submission_id) AS submission_id
        FROM submission
        WHERE period_code = $period AND status = 'accepted'
        GROUP BY unit_code
        """;

    /// <summary>Reads the periods among <paramref name="periods"/> not already held.</summary>
    public void Load(DuckDBConnection connection, IEnumerable<PeriodInfo> periods, IReadOnlyDictionary<string, int> unitIds)
    {
        _batch++;
        foreach (var info in periods)
        {
            if (_periods.TryGetValue(info.Id, out var held))
            {
                held.LastUsed = _batch;
                continue;
            }
            var period = new Period(_batch);
            foreach (var row in connection.Query<AcceptedVersion>(VersionsOfPeriod, new { period = info.Code }))
            {
                // Accepted submissions are of registry units only.
                if (unitIds.TryGetValue(row.UnitCode, out var unitId))
                    period.Units[unitId] = (row.Version, row.ContentHash, row.SubmissionId);
            }
            _periods[info.Id] = period;
        }
        foreach (var (code, period) in _periods.ToList())
            if (_batch - period.LastUsed > IdleBatches) _periods.Remove(code);
    }

    /// <summary>Forgets everything: a new run reads the warehouse afresh.</summary>
    public void Clear()
    {
        _periods.Clear();
        _batch = 0;
    }

    /// <summary>The latest accepted version of (unit, period); version 0 when there is none. The period must be loaded.</summary>
    public (int Version, string? Hash, long Id) Get(int unitId, int periodId) =>
        _periods[periodId].Units.TryGetValue(unitId, out var found) ? found : (0, null, 0);

    /// <summary>The key of (unit, period) in <see cref="Commit"/>'s dictionary.</summary>
    public static long Key(int unitId, int periodId) => ((long)unitId << 32) | (uint)periodId;

    /// <summary>Takes in the versions a batch wrote (by <see cref="Key"/>), once its transaction has committed.</summary>
    public void Commit(Dictionary<long, (int Version, string Hash, long Id)> written)
    {
        foreach (var (key, version) in written)
        {
            // A period forgotten meanwhile is read again, with these rows, when next met.
            if (_periods.TryGetValue((int)key, out var held)) held.Units[(int)(key >> 32)] = version;
        }
    }
}
