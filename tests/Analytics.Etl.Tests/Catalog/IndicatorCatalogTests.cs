using System.Text;
using Analytics.Warehouse.ReferenceData;

namespace Analytics.Etl.Tests.Catalog;

public sealed class IndicatorCatalogTests
{
    private const string Header = "indicator_code,name_vi,name_en,unit_vi,unit_en,kind,value_type,reported_by,sectors,period_types,categories,description,numerator,denominator,carry_forward_quarters";

    // Issue 3's table: code, reporter, sectors (empty: all), kind, value type.
    public static TheoryData<string, IndicatorReporter, string, IndicatorKind, IndicatorValueType> IssueThreeIndicators => new()
    {
        { "workers", IndicatorReporter.Grassroots, "", IndicatorKind.Stock, IndicatorValueType.Count },
        { "members", IndicatorReporter.Grassroots, "", IndicatorKind.Stock, IndicatorValueType.Count },
        { "members_admitted", IndicatorReporter.Grassroots, "", IndicatorKind.Flow, IndicatorValueType.Count },
        { "members_left", IndicatorReporter.Grassroots, "", IndicatorKind.Flow, IndicatorValueType.Count },
        { "cba_signed", IndicatorReporter.Grassroots, "soe,private", IndicatorKind.Stock, IndicatorValueType.Flag },
        { "cba_favorable", IndicatorReporter.Grassroots, "soe,private", IndicatorKind.Stock, IndicatorValueType.Flag },
        { "cba_grade_b_plus", IndicatorReporter.Grassroots, "soe,private", IndicatorKind.Stock, IndicatorValueType.Flag },
        { "party_introduced", IndicatorReporter.Grassroots, "", IndicatorKind.Flow, IndicatorValueType.Count },
        { "finance_collected", IndicatorReporter.Grassroots, "", IndicatorKind.Flow, IndicatorValueType.Amount },
        { "finance_budget", IndicatorReporter.Grassroots, "", IndicatorKind.Flow, IndicatorValueType.Amount },
        { "rating", IndicatorReporter.Grassroots, "", IndicatorKind.Category, IndicatorValueType.Category },
        { "enterprises_eligible", IndicatorReporter.Upper, "", IndicatorKind.Stock, IndicatorValueType.Count },
        { "cdcs_founded", IndicatorReporter.Upper, "", IndicatorKind.Flow, IndicatorValueType.Count },
    };

    [Theory]
    [MemberData(nameof(IssueThreeIndicators))]
    public void EveryIndicatorOfIssueThreeIsPresentWithItsReporterSectorsAndKind(
        string code, IndicatorReporter reporter, string sectors, IndicatorKind kind, IndicatorValueType valueType)
    {
        var indicator = IndicatorCatalog.Default.Get(code);

        Assert.Equal(reporter, indicator.ReportedBy);
        Assert.Equal(sectors, string.Join(',', indicator.Sectors));
        Assert.Equal(kind, indicator.Kind);
        Assert.Equal(valueType, indicator.ValueType);
    }

    [Fact]
    public void RatingIsReportedForYearsOnlyWithTheFourRatings()
    {
        var rating = IndicatorCatalog.Default.Get("rating");

        Assert.True(rating.IsCategory);
        Assert.Equal(["year"], rating.PeriodTypes);
        Assert.Equal(["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"], rating.Categories);
        Assert.True(rating.AllowsPeriodType("year"));
        Assert.False(rating.AllowsPeriodType("quarter"));
        Assert.False(rating.AllowsCategory("vung_manh"));
    }

    [Theory]
    [InlineData("cba_coverage", IndicatorValueType.Rate)]
    [InlineData("union_coverage", IndicatorValueType.Rate)]
    [InlineData("membership_rate", IndicatorValueType.Rate)]
    [InlineData("cba_favorable_share", IndicatorValueType.Rate)]
    [InlineData("cba_grade_b_plus_share", IndicatorValueType.Rate)]
    [InlineData("rated_good_plus_share", IndicatorValueType.Rate)]
    [InlineData("finance_attainment", IndicatorValueType.Rate)]
    [InlineData("party_introduced_per_cdcs", IndicatorValueType.Rate)]
    [InlineData("enterprises_unionized", IndicatorValueType.Count)]
    public void DerivedIndicatorsOfIssueFourAreDerivedAndCarryTheirFormula(string code, IndicatorValueType valueType)
    {
        var indicator = IndicatorCatalog.Default.Get(code);

        Assert.True(indicator.IsDerived);
        Assert.Equal(IndicatorReporter.Derived, indicator.ReportedBy);
        Assert.Equal(valueType, indicator.ValueType);
        Assert.False(string.IsNullOrWhiteSpace(indicator.Description));
    }

    [Fact]
    public void SectorAndFlagHelpersFollowTheCatalog()
    {
        var cba = IndicatorCatalog.Default.Get("cba_signed");
        var members = IndicatorCatalog.Default.Get("members");

        Assert.True(cba.IsFlag);
        Assert.False(cba.IsCount);
        Assert.True(cba.AllowsSector("private"));
        Assert.False(cba.AllowsSector("public"));
        Assert.True(members.IsCount);
        Assert.True(members.AllowsSector("public"));
    }

    [Fact]
    public void EveryCodeIsUniqueSnakeCaseAndEveryNameIsNormalizedVietnamese()
    {
        var entries = IndicatorCatalog.Default.Entries;

        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e => Assert.Matches("^[a-z][a-z0-9_]*$", e.Code));
        Assert.All(entries, e => Assert.True(e.NameVi.IsNormalized(NormalizationForm.FormC), e.Code));
        // Spot-check that diacritics survived the embedded resource round trip.
        Assert.Equal("Đoàn viên công đoàn", IndicatorCatalog.Default.Get("members").NameVi);
    }

    [Fact]
    public void SyncIntoAFreshWarehouseNumbersIndicatorsInFileOrder()
    {
        // The schema alone: Warehouse.Open would already have synced the catalog.
        using var database = DuckDbDatabase.Open(":memory:");
        using var connection = database.Connect();
        Analytics.Warehouse.Schema.Migrator.Apply(connection);
        var catalog = IndicatorCatalog.Default;

        var changed = catalog.Sync(connection);

        Assert.Equal(catalog.Entries.Count, changed);
        var stored = ReadIds(connection);
        for (var i = 0; i < catalog.Entries.Count; i++)
            Assert.Equal(i + 1, stored[catalog.Entries[i].Code]);
        Assert.Equal("soe,private", connection.Scalar<string>("SELECT sectors FROM dim_indicator WHERE indicator_code = 'cba_signed'"));
        Assert.Null(connection.Scalar<string>("SELECT sectors FROM dim_indicator WHERE indicator_code = 'members'"));
    }

    [Fact]
    public void SyncingTwiceChangesNothing()
    {
        using var warehouse = Analytics.Warehouse.Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        IndicatorCatalog.Default.Sync(connection);
        var before = Snapshot(connection);

        var changed = IndicatorCatalog.Default.Sync(connection);

        Assert.Equal(0, changed);
        Assert.Equal(before, Snapshot(connection));
    }

    [Fact]
    public void SyncKeepsExistingIdsRepairsEditedRowsAndGivesNewCodesTheNextIds()
    {
        // The schema alone: Warehouse.Open would already have synced the catalog.
        using var database = DuckDbDatabase.Open(":memory:");
        using var connection = database.Connect();
        Analytics.Warehouse.Schema.Migrator.Apply(connection);
        connection.Execute("""
            INSERT INTO dim_indicator (indicator_id, indicator_code, name_vi, name_en, unit_vi, unit_en, kind, value_type, reported_by)
            VALUES (40, 'members', 'tên cũ', 'old name', 'người', 'persons', 'stock', 'count', 'grassroots'),
                   (41, 'retired_code', 'chỉ tiêu cũ', 'retired', 'người', 'persons', 'flow', 'count', 'grassroots')
            """);
        var catalog = IndicatorCatalog.Default;

        var changed = catalog.Sync(connection);

        var ids = ReadIds(connection);
        Assert.Equal(catalog.Entries.Count, changed);
        Assert.Equal(40, ids["members"]);
        Assert.Equal(41, ids["retired_code"]);
        Assert.Equal(42, ids[catalog.Entries[0].Code]);
        Assert.Equal("Đoàn viên công đoàn", connection.Scalar<string>("SELECT name_vi FROM dim_indicator WHERE indicator_code = 'members'"));
        Assert.Equal(catalog.Entries.Count + 1, ids.Count);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaks()
    {
        var csv = Header + "\r\n" +
            "alpha,\"Tên, có dấu phẩy\",\"Say \"\"hi\"\"\",người,persons,flow,count,grassroots,\"soe,private\",year,,\"two\nlines\",,,\r\n";

        var catalog = IndicatorCatalog.Parse(csv, "test.csv");

        var alpha = Assert.Single(catalog.Entries);
        Assert.Equal("Tên, có dấu phẩy", alpha.NameVi);
        Assert.Equal("Say \"hi\"", alpha.NameEn);
        Assert.Equal(["soe", "private"], alpha.Sectors);
        Assert.Equal("two\nlines", alpha.Description);
    }

    [Theory]
    [InlineData("a,A,A,u,u,flow,count,grassroots,,,,,,,\na,B,B,u,u,flow,count,grassroots,,,,,,,", "line 3 (a): the code appears twice")]
    [InlineData("a,A,A,u,u,sometimes,count,grassroots,,,,,,,", "kind 'sometimes' is not one of")]
    [InlineData("a,A,A,u,u,flow,count,grassroots,state,,,,,,", "sectors item 'state'")]
    [InlineData("a,A,A,u,u,flow,count,grassroots,,weekly,,,,,", "period_types item 'weekly'")]
    [InlineData("a,A,A,u,u,category,category,grassroots,,year,,,,,", "categories are required")]
    [InlineData("a,A,A,u,u,flow,rate,grassroots,,,,,,,", "kind must be 'derived'")]
    [InlineData("Bad-Code,A,A,u,u,flow,count,grassroots,,,,,,,", "must be lower_snake_case")]
    [InlineData("a,A,A,u,u,flow,count,grassroots,,,", "11 fields, expected 15")]
    [InlineData("a,\"A,A,u,u,flow,count,grassroots,,,,", "never closed")]
    [InlineData("a,A,A,u,u,derived,rate,derived,,,,,members,,", "a rate needs both numerator and denominator")]
    [InlineData("a,A,A,u,u,flow,count,grassroots,,,,,a,b,", "only a rate has them")]
    [InlineData("a,A,A,u,u,derived,rate,derived,,,,,members,workers,", "'members' is neither an indicator of the catalog")]
    [InlineData("a,A,A,u,u,flow,count,grassroots,,,,,,,2", "only a stock can be carried forward")]
    [InlineData("a,A,A,u,u,stock,count,grassroots,,,,,,,two", "carry_forward_quarters 'two' must be a whole number")]
    [InlineData("a,A,A,u,u,stock,count,grassroots,,,,,,,9", "from 1 to 8")]
    public void AMalformedCatalogIsRefusedNamingTheLineAndTheProblem(string body, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => IndicatorCatalog.Parse(Header + "\n" + body + "\n", "bad.csv"));

        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> ReadIds(DuckDBConnection connection)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = connection.Query("SELECT indicator_code, indicator_id FROM dim_indicator");
        while (reader.Read()) ids[reader.GetString(0)] = reader.GetInt32(1);
        return ids;
    }

    private static List<string> Snapshot(DuckDBConnection connection)
    {
        var rows = new List<string>();
        using var reader = connection.Query("SELECT * FROM dim_indicator ORDER BY indicator_id");
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i)?.ToString())));
        return rows;
    }
}
