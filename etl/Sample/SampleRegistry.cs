using System.Globalization;
using System.Text;

namespace Analytics.Etl.Sample;

/// <summary>
/// Builds the sample organisation with its history from <see cref="SampleOptions.FromYear"/> to AsOf:
/// foundings and dissolutions every year, a few moves between districts, and the reorganisation of
/// 1 July 2025 (provinces merged, district unions closed with successors, grassroots moved or dissolved,
/// a central sector union dissolved and its units handed to provinces, Thanh Hóa among them).
/// </summary>
internal sealed class SampleRegistry
{
    public static readonly DateOnly ReorganisationDay = new(2025, 7, 1);
    public static readonly DateOnly LastDayBeforeReorganisation = new(2025, 6, 30);

    private readonly SampleOptions _options;
    private readonly Dictionary<string, List<SampleUnit>> _childrenOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextNumber = new(StringComparer.Ordinal);

    private SampleRegistry(SampleOptions options)
    {
        _options = options;
        Start = new DateOnly(options.FromYear, 1, 1);
    }

    public List<SampleUnit> Units { get; } = [];
    public Dictionary<string, SampleUnit> ByCode { get; } = new(StringComparer.Ordinal);
    public DateOnly Start { get; }
    /// <summary>The 2025 reorganisation happens when the sample spans 1 July 2025.</summary>
    public bool Reorganised => _options.AsOf >= ReorganisationDay && Start <= LastDayBeforeReorganisation;

    /// <summary>Grassroots whose members joined a merged successor on 1 July 2025 (public-sector mergers).</summary>
    public List<(SampleUnit From, SampleUnit Into)> Mergers { get; } = [];

    public IEnumerable<SampleUnit> Grassroots => Units.Where(u => u.Level == 3);

    public static SampleRegistry Build(SampleOptions options)
    {
        var registry = new SampleRegistry(options);
        registry.BuildOriginal();
        var lastBefore = Min(LastDayBeforeReorganisation, options.AsOf);
        for (var year = options.FromYear; year <= Math.Min(2025, options.AsOf.Year); year++)
        {
            registry.FoundAndDissolve(year, new DateOnly(year, 1, 1), Min(new DateOnly(year, 12, 31), lastBefore), movesAllowed: true);
        }

        if (registry.Reorganised)
        {
            registry.Reorganise();
            for (var year = 2025; year <= options.AsOf.Year; year++)
            {
                var first = year == 2025 ? ReorganisationDay : new DateOnly(year, 1, 1);
                registry.FoundAndDissolve(year, first, Min(new DateOnly(year, 12, 31), options.AsOf), movesAllowed: false);
            }
        }

        return registry;
    }

    /// <summary>Writes units.csv: one row per unit per window, parents before children.</summary>
    public int WriteCsv(string path)
    {
        var rows = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine("unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code");
        foreach (var unit in Units.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal))
        {
            for (var i = 0; i < unit.Windows.Count; i++)
            {
                var w = unit.Windows[i];
                var last = i == unit.Windows.Count - 1;
                writer.WriteLine(string.Join(',',
                    unit.Code, Csv.Quote(unit.Name, ','), w.Parent ?? "", unit.Level.ToString(CultureInfo.InvariantCulture),
                    unit.Sector ?? "", Iso(w.From), w.To is { } to ? Iso(to) : "", last ? unit.Successor ?? "" : ""));
                rows++;
            }
        }

        return rows;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private SampleUnit Add(string code, string name, int level, string? sector, string? parent, DateOnly from)
    {
        var unit = new SampleUnit(Units.Count, code, name, level, sector);
        unit.Windows.Add(new UnitWindow(parent, from, null));
        Units.Add(unit);
        ByCode.Add(code, unit);
        if (parent is not null)
        {
            Children(parent).Add(unit);
        }

        return unit;
    }

    private List<SampleUnit> Children(string parent)
    {
        if (!_childrenOf.TryGetValue(parent, out var list))
        {
            list = [];
            _childrenOf[parent] = list;
        }

        return list;
    }

    private bool IsSmall => _options.Scale == SampleScale.Small;

    private IEnumerable<ProvinceSpec> Provinces => IsSmall
        ? new[] { "HNI", "THA", "LCH", "DBN", "LCI", "YBI" }.Select(ProvinceCatalog.Get)
        : ProvinceCatalog.All;

    private void BuildOriginal()
    {
        Add("TLD", "Tổng Liên đoàn Lao động Việt Nam", 0, null, null, Start);
        var provinces = Provinces.ToList();
        var totalWeight = provinces.Sum(p => p.Weight);
        const int nationalGrassroots = 121_800;
        foreach (var p in provinces)
        {
            Add(p.Code, p.Name, 1, null, "TLD", Start);
            var uppers = IsSmall ? SmallUppers(p.Code) : NationalUppers(p, nationalGrassroots * p.Weight / totalWeight);
            foreach (var (suffix, name, kind, count) in uppers)
            {
                var upper = Add($"{p.Code}-{suffix}", name, 2, null, p.Code, Start);
                upper.Kind = kind;
                for (var i = 0; i < count; i++)
                {
                    AddGrassroots(upper, Start, founded: false);
                }
            }
        }

        var centrals = IsSmall
            ? new[] { ("CNN", "Công đoàn Nông nghiệp và Phát triển nông thôn Việt Nam", 2) }
            : new[]
            {
                ("CNN", "Công đoàn Nông nghiệp và Phát triển nông thôn Việt Nam", 5),
                ("CGT", "Công đoàn Giao thông vận tải Việt Nam", 6),
                ("CDK", "Công đoàn Dầu khí Việt Nam", 5),
                ("CDL", "Công đoàn Điện lực Việt Nam", 5),
                ("CCT", "Công đoàn Công Thương Việt Nam", 6),
            };
        string[] corporations = ["Công đoàn Tổng công ty Lâm nghiệp", "Công đoàn Tập đoàn Cao su", "Công đoàn Tổng công ty Lương thực",
            "Công đoàn Tổng công ty Vận tải", "Công đoàn Tổng công ty Xây dựng", "Công đoàn Tổng công ty Cơ khí"];
        foreach (var (code, name, count) in centrals)
        {
            Add(code, name, 1, null, "TLD", Start);
            for (var i = 0; i < count; i++)
            {
                var upper = Add($"{code}-T{i + 1:00}", $"{corporations[i % corporations.Length]} {i / corporations.Length + 1}", 2, null, code, Start);
                upper.Kind = UpperKind.Corporation;
                var size = IsSmall ? (i == 0 ? 12 : 10) : 120;
                var rng = SampleRandom.For(_options.Seed, "home", upper.Index);
                for (var g = 0; g < size; g++)
                {
                    var unit = AddGrassroots(upper, Start, founded: false);
                    // Where the unit sits; decides who takes it over when CNN is dissolved in 2025.
                    unit.HomeProvince = IsSmall
                        ? (rng.Chance(0.6) ? "THA" : "HNI")
                        : (rng.Chance(0.25) ? "THA" : rng.Pick(ProvinceCatalog.All.Where(s => s.MergedInto is null).ToList()).Code);
                }
            }
        }
    }

    private static IEnumerable<(string, string, UpperKind, int)> SmallUppers(string province) => province switch
    {
        "HNI" =>
        [
            ("LBN", "LĐLĐ quận Long Biên", UpperKind.District, 40),
            ("GLM", "LĐLĐ huyện Gia Lâm", UpperKind.District, 40),
            ("BDI", "LĐLĐ quận Ba Đình", UpperKind.District, 20),
            ("CVC", "Công đoàn Viên chức thành phố Hà Nội", UpperKind.CivilServants, 15),
        ],
        "THA" =>
        [
            ("TPT", "LĐLĐ thành phố Thanh Hóa", UpperKind.District, 30),
            ("SSN", "LĐLĐ thành phố Sầm Sơn", UpperKind.District, 15),
            ("KCN", "Công đoàn Khu kinh tế Nghi Sơn và các Khu công nghiệp tỉnh Thanh Hóa", UpperKind.IndustrialZones, 25),
        ],
        "LCH" =>
        [
            ("TPL", "LĐLĐ thành phố Lai Châu", UpperKind.District, 15),
            ("TDG", "LĐLĐ huyện Tam Đường", UpperKind.District, 10),
        ],
        "DBN" =>
        [
            ("DBP", "LĐLĐ thành phố Điện Biên Phủ", UpperKind.District, 15),
            ("MLY", "LĐLĐ thị xã Mường Lay", UpperKind.District, 8),
        ],
        "LCI" =>
        [
            ("TPL", "LĐLĐ thành phố Lào Cai", UpperKind.District, 15),
            ("CVC", "Công đoàn Viên chức tỉnh Lào Cai", UpperKind.CivilServants, 10),
        ],
        _ =>
        [
            ("TPY", "LĐLĐ thành phố Yên Bái", UpperKind.District, 12),
            ("CVC", "Công đoàn Viên chức tỉnh Yên Bái", UpperKind.CivilServants, 8),
        ],
    };

    private IEnumerable<(string, string, UpperKind, int)> NationalUppers(ProvinceSpec p, double grassroots)
    {
        var rng = SampleRandom.For(_options.Seed, "uppers:" + p.Code, 0);
        var where = p.Name["LĐLĐ ".Length..];
        var geographic = grassroots * (p.IndustrialZones ? 0.72 : 0.82);
        var known = SmallUppers(p.Code).Where(u => u.Item3 == UpperKind.District).Select(u => (u.Item1, u.Item2)).ToList();
        if (p.Code is not ("HNI" or "THA" or "LCH" or "DBN" or "LCI" or "YBI"))
        {
            known.Clear();
        }

        for (var d = 0; d < p.Districts; d++)
        {
            var (suffix, name) = d < known.Count
                ? known[d]
                : ($"D{d + 1:00}", $"LĐLĐ quận/huyện số {d + 1:00} – {where}");
            yield return (suffix, name, UpperKind.District, Math.Max(5, (int)Math.Round(geographic / p.Districts * rng.Uniform(0.6, 1.4))));
        }

        yield return ("CVC", $"Công đoàn Viên chức {where}", UpperKind.CivilServants, (int)Math.Round(grassroots * 0.18));
        if (p.IndustrialZones)
        {
            yield return ("KCN", $"Công đoàn các Khu công nghiệp {where}", UpperKind.IndustrialZones, (int)Math.Round(grassroots * 0.10));
        }
    }

    private SampleUnit AddGrassroots(SampleUnit parent, DateOnly from, bool founded)
    {
        var number = _nextNumber.TryGetValue(parent.Code, out var n) ? n + 1 : 1;
        _nextNumber[parent.Code] = number;
        var rng = SampleRandom.For(_options.Seed, "grassroots:" + parent.Code, number);
        var roll = rng.NextDouble();
        var sector = parent.Kind switch
        {
            UpperKind.CivilServants => "public",
            UpperKind.IndustrialZones => roll < 0.92 ? "private" : "soe",
            UpperKind.Corporation => roll < 0.75 ? "soe" : "private",
            _ when founded => roll < 0.85 ? "private" : "public",
            _ => roll < 0.55 ? "public" : roll < 0.58 ? "soe" : "private",
        };
        var code = string.Create(CultureInfo.InvariantCulture, $"{parent.Code}-{number:0000}");
        var unit = Add(code, UnitNames.Grassroots(rng, sector, number), 3, sector, parent.Code, from);
        unit.IsFounded = founded;
        var channelRoll = rng.NextDouble();
        var (xlsx, json) = IsSmall ? (0.05, 0.06) : (0.0002, 0.001);
        unit.Channel = channelRoll < xlsx ? SubmissionChannel.Xlsx
            : channelRoll < xlsx + json ? SubmissionChannel.Json
            : SubmissionChannel.Bulk;
        return unit;
    }

    private void FoundAndDissolve(int year, DateOnly first, DateOnly last, bool movesAllowed)
    {
        if (last < first)
        {
            return;
        }

        var fraction = (last.DayNumber - first.DayNumber + 1) / 365.0;
        var parents = Units.Where(u => u.Level is 1 or 2 && u.ActiveAt(last) && u.ActiveAt(first)
                                       && Children(u.Code).Any(c => c.Level == 3)).ToList();
        foreach (var parent in parents)
        {
            var rng = SampleRandom.For(_options.Seed, $"events:{year}:{first.Month}", parent.Index);
            var children = Children(parent.Code).Where(c => c.Level == 3 && c.ActiveAt(first)).ToList();
            var foundRate = parent.Kind switch
            {
                UpperKind.IndustrialZones => 0.06,
                UpperKind.CivilServants or UpperKind.Corporation => 0.01,
                _ => 0.035,
            };
            foreach (var child in children)
            {
                var dissolveRate = child.Sector == "private" ? 0.02 : 0.006;
                if (rng.Chance(dissolveRate * fraction))
                {
                    var from = child.Windows[^1].From;
                    var earliest = from > first ? from : first;
                    if (earliest < last)
                    {
                        child.Windows[^1].To = rng.DateBetween(earliest, last);
                    }
                }
                else if (movesAllowed && parent.Kind == UpperKind.District && year >= 2022 && rng.Chance(0.004 * fraction))
                {
                    var siblings = Children(parent.Windows[^1].Parent!)
                        .Where(s => s.Level == 2 && s.Kind == UpperKind.District && s != parent).ToList();
                    var from = child.Windows[^1].From;
                    if (siblings.Count > 0 && from < last.AddDays(-1))
                    {
                        var day = rng.DateBetween(from > first ? from : first, last.AddDays(-1));
                        var target = rng.Pick(siblings);
                        child.Windows[^1].To = day;
                        child.Windows.Add(new UnitWindow(target.Code, day.AddDays(1), null));
                        Children(parent.Code).Remove(child);
                        Children(target.Code).Add(child);
                    }
                }
            }

            var founded = rng.Poisson(Math.Max(children.Count, 5) * foundRate * fraction);
            for (var i = 0; i < founded; i++)
            {
                AddGrassroots(parent, rng.DateBetween(first, last), founded: true);
            }
        }
    }

    private void Reorganise()
    {
        var before = LastDayBeforeReorganisation;
        var day = ReorganisationDay;
        var provinces = Provinces.ToList();
        var inScope = provinces.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var rng = SampleRandom.For(_options.Seed, "reorganisation", 0);

        foreach (var p in provinces.Where(p => p.MergedInto is not null))
        {
            var unit = ByCode[p.Code];
            unit.Windows[^1].To = before;
            unit.Successor = p.MergedInto;
        }

        foreach (var target in provinces.Where(p => p.MergedInto is null))
        {
            var members = provinces.Where(p => p.Code == target.Code || p.MergedInto == target.Code).ToList();
            var uppers = members.SelectMany(p => Children(p.Code)).Where(u => u.Level == 2 && u.ActiveAt(before)).ToList();

            // Sector unions of an absorbed province carry on under the absorbing one.
            foreach (var upper in uppers.Where(u => u.Kind != UpperKind.District && u.Windows[^1].Parent != target.Code))
            {
                Move(upper, target.Code);
            }

            var districts = uppers.Where(u => u.Kind == UpperKind.District).ToList();
            if (target.ProvinceDirect)
            {
                foreach (var district in districts)
                {
                    CloseDistrict(district, ByCode[target.Code], rng);
                }

                continue;
            }

            // Districts grouped three by three into regional unions ("Công đoàn khu vực").
            var where = target.Name["LĐLĐ ".Length..];
            for (var i = 0; i < districts.Count; i += 3)
            {
                var number = i / 3 + 1;
                var regional = Add(string.Create(CultureInfo.InvariantCulture, $"{target.Code}-K{number:00}"),
                    $"Công đoàn khu vực số {number} – {where}", 2, null, target.Code, day);
                regional.Kind = UpperKind.Regional;
                foreach (var district in districts.Skip(i).Take(3))
                {
                    CloseDistrict(district, regional, rng);
                }
            }
        }

        // The central sector union CNN is dissolved; its grassroots go to the provinces they sit in.
        foreach (var corporation in Children("CNN").Where(u => u.Level == 2).ToList())
        {
            var moved = new List<string>();
            foreach (var child in Children(corporation.Code).Where(c => c.ActiveAt(before)).ToList())
            {
                var home = child.HomeProvince is { } h && inScope.Contains(h) ? h : "THA";
                // Enterprises go to the industrial-zone union if the province has one, else to a regional union.
                var destination = Children(home).FirstOrDefault(u => u.Level == 2 && u.Kind == UpperKind.IndustrialZones && u.ActiveAt(day))
                                  ?? Children(home).FirstOrDefault(u => u.Level == 2 && u.Kind == UpperKind.Regional && u.ActiveAt(day))
                                  ?? ByCode[home];
                Move(child, destination.Code);
                moved.Add(destination.Code);
            }

            corporation.Windows[^1].To = before;
            corporation.Successor = moved.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault();
        }

        ByCode["CNN"].Windows[^1].To = before;
    }

    private void CloseDistrict(SampleUnit district, SampleUnit successor, SampleRandom rng)
    {
        var before = LastDayBeforeReorganisation;
        var children = Children(district.Code).Where(c => c.Level == 3 && c.ActiveAt(before)).ToList();
        var publicSurvivors = new List<SampleUnit>();
        foreach (var child in children)
        {
            var roll = rng.NextDouble();
            if (child.Sector == "public" && roll < 0.12)
            {
                // District-level agencies are abolished with the district: their unions are dissolved.
                child.Windows[^1].To = before;
            }
            else if (child.Sector == "public" && roll < 0.20 && publicSurvivors.Count > 0)
            {
                var into = rng.Pick(publicSurvivors);
                child.Windows[^1].To = before;
                child.Successor = into.Code;
                Mergers.Add((child, into));
            }
            else if (child.Sector != "public" && roll < 0.02)
            {
                child.Windows[^1].To = before;
            }
            else
            {
                Move(child, successor.Code);
                if (child.Sector == "public")
                {
                    publicSurvivors.Add(child);
                }
            }
        }

        district.Windows[^1].To = before;
        district.Successor = successor.Code;
    }

    private void Move(SampleUnit unit, string newParent)
    {
        var old = unit.Windows[^1];
        old.To = LastDayBeforeReorganisation;
        unit.Windows.Add(new UnitWindow(newParent, ReorganisationDay, null));
        if (old.Parent is not null)
        {
            Children(old.Parent).Remove(unit);
        }

        Children(newParent).Add(unit);
    }
}
