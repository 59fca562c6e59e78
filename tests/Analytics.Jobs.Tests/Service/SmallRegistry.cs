using Analytics.Jobs.Operations;
using Analytics.Etl.Registry;
using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Service;

/// <summary>A hand-made registry (Hà Nội, Gia Lâm and three grassroots unions) loaded into a test's warehouse, so submissions can be accepted.</summary>
public static class SmallRegistry
{
    public const string Csv = """
        unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
        TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
        HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
        HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
        GLM-SOE,CĐCS Tổng công ty Đường sắt,HNI-GLM,3,soe,2019-01-01,,
        GLM-PRV,CĐCS Công ty TNHH Sông Hồng,HNI-GLM,3,private,2019-01-01,,
        GLM-PUB,CĐCS Trường THCS Ái Mộ,HNI-GLM,3,public,2019-01-01,,
        """;

    /// <summary>Creates the warehouse of <paramref name="settings"/> with the catalogs and this registry.</summary>
    public static void Load(ServiceSettings settings)
    {
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Db))!, "units.csv");
        File.WriteAllText(file, Csv.Replace("\r\n", "\n", StringComparison.Ordinal));
        using var warehouse = Analytics.Warehouse.Warehouse.Open(settings.Db);
        using var connection = warehouse.Connect();
        var result = UnitRegistryImport.Import(connection, file);
        Assert.False(result.Refused, string.Join("\n", result.Issues.Select(i => i.Format(file, true))));
    }

    /// <summary>Submissions in the warehouse for a unit and period, and their values.</summary>
    public static (long Submissions, long Values) Count(ServiceSettings settings, string unit, string period)
    {
        using var database = Analytics.Warehouse.Store.DuckDbDatabase.Open(settings.Db, new Analytics.Warehouse.Store.DuckDbOptions { ReadOnly = true });
        using var c = database.Connect();
        return (c.Scalar<long>("SELECT count(*) FROM submission WHERE unit_code = $1 AND period_code = $2", unit, period),
            c.Scalar<long>("SELECT count(*) FROM fact_value f JOIN submission s USING (submission_id) WHERE s.unit_code = $1 AND s.period_code = $2", unit, period));
    }
}
