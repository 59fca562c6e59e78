using Analytics.Warehouse.ReferenceData;
using Analytics.Etl.Ingest;
using Analytics.Etl.Registry;

namespace Analytics.Etl.Tests.Ingest;

/// <summary>
/// A real warehouse file in a temp folder with the catalog synced and a small hand-made registry:
/// Hà Nội with Long Biên (closed mid-2025, its unions moved to Hà Nội) and three grassroots unions.
/// </summary>
public sealed class TestWarehouse : IDisposable
{
    public const string Registry = """
        unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
        TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
        HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
        HNI-LBN,LĐLĐ quận Long Biên,HNI,2,,2015-01-01,2025-06-30,HNI
        HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
        LBN-PUB,CĐCS Trường THCS Ái Mộ,HNI-LBN,3,public,2018-01-01,2025-06-30,
        LBN-PUB,CĐCS Trường THCS Ái Mộ,HNI,3,public,2025-07-01,,
        LBN-PRV,CĐCS Công ty TNHH Sông Hồng,HNI-LBN,3,private,2018-01-01,2025-06-30,
        LBN-PRV,CĐCS Công ty TNHH Sông Hồng,HNI,3,private,2025-07-01,,
        GLM-SOE,CĐCS Tổng công ty Đường sắt,HNI-GLM,3,soe,2019-01-01,,
        GLM-OLD,CĐCS Hợp tác xã Gia Lâm,HNI-GLM,3,private,2019-01-01,2024-06-30,
        """;

    public TestWarehouse()
    {
        Folder = Directory.CreateTempSubdirectory("analytics-etl-").FullName;
        Warehouse = Analytics.Warehouse.Warehouse.Open(Path.Combine(Folder, "w.duckdb"));
        Connection = Warehouse.Connect();
        IndicatorCatalog.Default.Sync(Connection);
        var registry = Write("units.csv", Registry);
        var result = UnitRegistryImport.Import(Connection, registry);
        Assert.False(result.Refused, string.Join("\n", result.Issues.Select(i => i.Format(registry, true))));
    }

    public string Folder { get; }

    public Analytics.Warehouse.Warehouse Warehouse { get; }

    public DuckDBConnection Connection { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public Ingestor Ingestor(DateTime? receivedAt = null, string? feedback = null) =>
        new(Connection, new IngestOptions
        {
            ReceivedAt = receivedAt ?? new DateTime(2024, 4, 10, 9, 0, 0),
            QuarantineDirectory = Path.Combine(Folder, "quarantine"),
            FeedbackDirectory = feedback,
        }, TimeProvider.System);

    public FileOutcome IngestCsv(string text, DateTime? receivedAt = null, string name = "sub.csv") =>
        Ingestor(receivedAt).IngestFile(Write(name, text));

    public long Count(string sql, params object?[] args) => Connection.Scalar<long>(sql, args);

    /// <summary>The current value of an indicator for a unit and period, or null.</summary>
    public double? Current(string unit, string period, string indicator) => Connection.Scalar<double?>("""
        SELECT f.value FROM fact_value f
        JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
        JOIN dim_indicator i ON i.indicator_id = f.indicator_id
        WHERE s.unit_code = $1 AND s.period_code = $2 AND i.indicator_code = $3
        """, unit, period, indicator);

    public void Dispose()
    {
        Connection.Dispose();
        Warehouse.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
