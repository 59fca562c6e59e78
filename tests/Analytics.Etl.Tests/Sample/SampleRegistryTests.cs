using Xunit;

namespace Analytics.Etl.Tests.Sample;

[Collection(SmallSampleCollection.Name)]
public sealed class SampleRegistryTests(SmallSampleFixture sample)
{
    private static readonly DateOnly LastDayBefore = new(2025, 6, 30);
    private static readonly DateOnly ReorganisationDay = new(2025, 7, 1);

    private List<UnitRow> Rows => UnitRow.ReadAll(Path.Combine(sample.Directory, "units.csv"));

    [Theory]
    [InlineData("TLD", "Tổng Liên đoàn Lao động Việt Nam", 0)]
    [InlineData("LCH", "LĐLĐ tỉnh Lai Châu", 1)]
    [InlineData("THA", "LĐLĐ tỉnh Thanh Hóa", 1)]
    [InlineData("DBN", "LĐLĐ tỉnh Điện Biên", 1)]
    [InlineData("HNI", "LĐLĐ Thành phố Hà Nội", 1)]
    [InlineData("HNI-LBN", "LĐLĐ quận Long Biên", 2)]
    [InlineData("HNI-GLM", "LĐLĐ huyện Gia Lâm", 2)]
    public void TheSeedsUnitsArePresentWithTheirCodesAndValidFrom2021(string code, string name, int level)
    {
        var first = Rows.Where(r => r.Code == code).OrderBy(r => r.From).First();

        Assert.Equal(name, first.Name);
        Assert.Equal(level, first.Level);
        Assert.Equal(new DateOnly(2021, 1, 1), first.From);
    }

    [Fact]
    public void WindowsOfOneCodeNeverOverlapAndAMoveStartsTheDayAfterTheOldWindowEnds()
    {
        foreach (var group in Rows.GroupBy(r => r.Code))
        {
            var windows = group.OrderBy(r => r.From).ToList();
            for (var i = 1; i < windows.Count; i++)
            {
                Assert.NotNull(windows[i - 1].To);
                Assert.Equal(windows[i - 1].To!.Value.AddDays(1), windows[i].From);
                Assert.NotEqual(windows[i - 1].Parent, windows[i].Parent);
            }

            Assert.All(windows, w => Assert.True(w.To is null || w.To >= w.From, $"{w.Code} ends before it starts"));
            Assert.All(windows.SkipLast(1), w => Assert.Null(w.Successor));
        }
    }

    [Fact]
    public void EveryParentIsActiveForTheWholeOfEachChildWindow()
    {
        var rows = Rows;
        var byCode = rows.ToLookup(r => r.Code);
        foreach (var child in rows.Where(r => r.Parent is not null))
        {
            var parentWindows = byCode[child.Parent!].ToList();
            Assert.NotEmpty(parentWindows);
            Assert.True(parentWindows.Any(p => p.Contains(child.From)), $"{child.Parent} inactive when {child.Code} starts on {child.From}");
            var end = child.To ?? SmallSampleFixture.AsOf;
            Assert.True(parentWindows.Any(p => p.Contains(end)), $"{child.Parent} inactive when {child.Code} ends on {end}");
            // A parent's windows are contiguous (tested above), so being active at both ends is being active throughout.
        }
    }

    [Fact]
    public void TheHierarchyHasNoCyclesAndLevelsGoDown()
    {
        var rows = Rows;
        var byCode = rows.ToLookup(r => r.Code);
        foreach (var row in rows)
        {
            var seen = new HashSet<string> { row.Code };
            var current = row;
            while (current.Parent is { } parent)
            {
                Assert.True(seen.Add(parent), $"cycle through {parent} from {row.Code}");
                var parentRow = byCode[parent].First(p => p.Contains(current.From));
                Assert.True(parentRow.Level < current.Level, $"{parent} is not above {current.Code}");
                current = parentRow;
            }

            Assert.Equal("TLD", current.Code);
        }
    }

    [Fact]
    public void SectorsAreSetOnGrassrootsOnlyAndCodesFollowTheParentPattern()
    {
        foreach (var row in Rows)
        {
            if (row.Level == 3)
            {
                Assert.Contains(row.Sector, new[] { "public", "soe", "private" });
                Assert.Matches(@"^[A-Z]{3}(-[A-Z0-9]{3})?-\d{4}$", row.Code);
            }
            else
            {
                Assert.Null(row.Sector);
            }
        }
    }

    [Fact]
    public void AProvinceIsMergedIntoAnotherOnTheFirstOfJuly2025()
    {
        var yenBai = Rows.Single(r => r.Code == "YBI");

        Assert.Equal(LastDayBefore, yenBai.To);
        Assert.Equal("LCI", yenBai.Successor);
        var moved = Rows.Where(r => r.Code.StartsWith("YBI-", StringComparison.Ordinal) && r.Level == 2 && r.From == ReorganisationDay).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, r => Assert.Equal("LCI", r.Parent));
    }

    [Fact]
    public void DistrictUnionsCloseWithSuccessorsAndTheirGrassrootsMove()
    {
        var rows = Rows;
        foreach (var code in new[] { "HNI-LBN", "HNI-GLM" })
        {
            var district = rows.Single(r => r.Code == code);
            Assert.Equal(LastDayBefore, district.To);
            var successor = rows.Where(r => r.Code == district.Successor).ToList();
            Assert.Contains(successor, s => s.Contains(ReorganisationDay) && s.Name.StartsWith("Công đoàn khu vực", StringComparison.Ordinal));
        }

        var movedFromLongBien = rows.Where(r => r.Code.StartsWith("HNI-LBN-", StringComparison.Ordinal) && r.From == ReorganisationDay).ToList();
        Assert.NotEmpty(movedFromLongBien);
        // Điện Biên's districts hand their grassroots to the province itself.
        Assert.Equal("DBN", rows.Single(r => r.Code == "DBN-DBP").Successor);
        Assert.Contains(rows, r => r.Level == 3 && r.Parent == "DBN" && r.From == ReorganisationDay);
    }

    [Fact]
    public void SomeGrassrootsAreDissolvedOrMergedAtTheReorganisation()
    {
        var rows = Rows;
        var codes = rows.ToLookup(r => r.Code);
        var closedThen = rows.Where(r => r.Level == 3 && r.To == LastDayBefore && !codes[r.Code].Any(w => w.From == ReorganisationDay)).ToList();

        Assert.Contains(closedThen, r => r.Sector == "public" && r.Successor is null);
        var merged = closedThen.Where(r => r.Successor is not null).ToList();
        Assert.NotEmpty(merged);
        Assert.All(merged, r => Assert.Contains(codes[r.Successor!], s => s.Level == 3 && s.Contains(ReorganisationDay)));
    }

    [Fact]
    public void GrassrootsMoveIntoThanhHoaFromTheDissolvedCentralSectorUnion()
    {
        var rows = Rows;
        var central = rows.Single(r => r.Code == "CNN");
        Assert.Equal(LastDayBefore, central.To);

        var parentsInThanhHoa = rows.Where(r => r.Parent == "THA").Select(r => r.Code).Append("THA").ToHashSet();
        var movedIn = rows.Where(r => r.Level == 3 && r.From == ReorganisationDay && parentsInThanhHoa.Contains(r.Parent!)
                                      && rows.Any(o => o.Code == r.Code && o.To == LastDayBefore && o.Parent!.StartsWith("CNN-", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(movedIn);
    }

    [Fact]
    public void UnitsAreFoundedAndDissolvedDuringTheYears()
    {
        var rows = Rows;
        var firstWindows = rows.GroupBy(r => r.Code).Select(g => g.OrderBy(r => r.From).First()).ToList();

        Assert.Contains(firstWindows, r => r.Level == 3 && r.From.Month is not 1 and not 7 && r.From.Year is 2022 or 2023);
        Assert.Contains(rows, r => r.Level == 3 && r.To is { } to && to != LastDayBefore && to.Year is 2022 or 2023 or 2024);
        Assert.All(rows, r => Assert.True(r.From <= SmallSampleFixture.AsOf && (r.To is null || r.To <= SmallSampleFixture.AsOf)));
    }

    [Fact]
    public void TheSmallScaleHasAFewHundredGrassrootsUnions()
    {
        var active = Rows.Where(r => r.Level == 3 && r.Contains(new DateOnly(2024, 12, 31))).Select(r => r.Code).Distinct().Count();

        Assert.InRange(active, 250, 450);
    }
}
