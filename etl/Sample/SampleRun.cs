using Analytics.Warehouse.Vocabulary;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Analytics.Etl.Sample;

/// <summary>
/// One generation run: walks the quarters (and the months and years inside them) in time order,
/// advancing every grassroots union's figures, and writes each sender's files as they would arrive.
/// Only one upper-level union's files are held in memory at a time.
/// </summary>
internal sealed partial class SampleRun
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private static readonly double[] Seasonality = [0.8, 1.5, 1.0, 0.9];
    private static readonly InjectedError[] ErrorRotation = Enum.GetValues<InjectedError>();

    private readonly SampleOptions _options;
    private readonly SampleRegistry _registry;
    private readonly List<SampleUnit> _grassroots;
    private readonly string _submissions;
    private readonly GroundTruth _truth = new();
    private readonly List<(string File, DateTimeOffset At)> _manifest = [];
    private readonly DateTimeOffset _horizon;
    private readonly Dictionary<(string Parent, int Year, int Month), int> _foundings = [];
    private readonly HashSet<SampleUnit> _mergerTargets = [];
    private readonly Dictionary<SampleUnit, DateTimeOffset> _firstAccepted = [];
    private readonly Dictionary<SampleUnit, QuarterValues> _reported = [];
    private readonly Dictionary<string, ProvinceSpec> _provinces = ProvinceCatalog.All.ToDictionary(p => p.Code, StringComparer.Ordinal);
    private readonly double _pError;
    private readonly double _pResubmit;
    private readonly double _pReconcile;
    private readonly double _pYearError;
    private int _errorTurn;

    public SampleRun(SampleOptions options)
    {
        _options = options;
        _registry = SampleRegistry.Build(options);
        _grassroots = _registry.Grassroots.ToList();
        _submissions = Path.Combine(options.OutputDirectory, "submissions");
        _horizon = new DateTimeOffset(options.AsOf.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset);
        var small = options.Scale == SampleScale.Small;
        _pError = small ? 0.0025 : 0.00002;
        _pResubmit = small ? 0.02 : 0.01;
        _pReconcile = small ? 0.0015 : 0.0001;
        _pYearError = small ? 0.003 : 0.00002;
        foreach (var unit in _grassroots.Where(u => u.IsFounded))
        {
            var key = (unit.Windows[0].Parent!, unit.FirstDay.Year, unit.FirstDay.Month);
            _foundings[key] = _foundings.GetValueOrDefault(key) + 1;
        }
    }

    public SampleSummary Run(IProgress<SampleProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        PrepareOutput();
        var unitRows = _registry.WriteCsv(Path.Combine(_options.OutputDirectory, "units.csv"));

        var quarters = new List<PeriodRef>();
        for (var q = PeriodRef.Quarter(_options.FromYear, 1); _options.AsOf >= DateOnly.FromDateTime(Deadline(q).Date); q = Next(q))
        {
            quarters.Add(q);
        }

        var years = new List<string>();
        var months = 0;
        for (var i = 0; i < quarters.Count; i++)
        {
            var q = quarters[i];
            Quarter(i, q);
            for (var m = q.Seq * 3 - 2; m <= q.Seq * 3; m++)
            {
                Month(PeriodRef.Month(q.Year, m));
                months++;
            }

            if (q.Seq == 4)
            {
                Year(PeriodRef.WholeYear(q.Year));
                years.Add(q.Year.ToString(CultureInfo.InvariantCulture));
            }

            progress?.Report(new SampleProgress("quarters", i + 1, quarters.Count));
        }

        WriteManifest();
        var active = _grassroots.Where(u => u.ActiveAt(_options.AsOf)).ToList();
        var members = active.Where(u => u.Started).Sum(u => (long)u.Members);
        _truth.Write(Path.Combine(_options.OutputDirectory, "expected.json"), _options, unitRows, _registry.Units.Count,
            active.Count, members, quarters.Select(q => q.Code).ToList(), years, months);
        return new SampleSummary(_options.OutputDirectory, unitRows, active.Count, members,
            quarters.Count > 0 ? quarters[0].Code : "", quarters.Count > 0 ? quarters[^1].Code : "",
            _truth.Files, _truth.Written, _truth.Refused, _truth.Late, _truth.Missing, clock.Elapsed);
    }

    /// <summary>Reports are due before the 15th of the period's last month (Long Biên plan, seed 001).</summary>
    public static DateTimeOffset Deadline(PeriodRef period) =>
        new(period.End.Year, period.End.Month, 15, 0, 0, 0, VietnamOffset);

    private static PeriodRef Next(PeriodRef q) => q.Seq == 4 ? PeriodRef.Quarter(q.Year + 1, 1) : PeriodRef.Quarter(q.Year, q.Seq + 1);

    private void PrepareOutput()
    {
        Directory.CreateDirectory(_options.OutputDirectory);
        if (Directory.Exists(_submissions))
        {
            // Only ever clear a folder this generator wrote.
            if (!File.Exists(Path.Combine(_submissions, "manifest.csv")) && Directory.EnumerateFileSystemEntries(_submissions).Any())
            {
                throw new IOException($"{_submissions} exists and is not a sample written by this generator; choose another --out.");
            }

            Directory.Delete(_submissions, recursive: true);
        }

        Directory.CreateDirectory(_submissions);
    }

    private void Quarter(int index, PeriodRef q)
    {
        if (q.Start == SampleRegistry.ReorganisationDay)
        {
            // Public-sector unions merged on 1 July 2025: their people join the successor.
            foreach (var (from, into) in _registry.Mergers)
            {
                if (from.Started && into.Started)
                {
                    into.Workers += from.Workers;
                    into.Members += from.Members;
                    _mergerTargets.Add(into);
                }
            }
        }

        var groups = new SortedDictionary<string, List<SampleUnit>>(StringComparer.Ordinal);
        foreach (var unit in _grassroots)
        {
            if (unit.WindowAt(q.End) is { } window)
            {
                if (!groups.TryGetValue(window.Parent!, out var list))
                {
                    list = [];
                    groups[window.Parent!] = list;
                }

                list.Add(unit);
            }
        }

        var counts = _truth.Period(q.Code);
        foreach (var (parentCode, children) in groups)
        {
            _firstAccepted.Clear();
            _reported.Clear();
            ParentQuarter(index, q, _registry.ByCode[parentCode], children);
            foreach (var child in children)
            {
                counts.Expected++;
                if (_firstAccepted.TryGetValue(child, out var at))
                {
                    counts.Received++;
                    if (at >= Deadline(q))
                    {
                        counts.Late++;
                    }

                    var reported = _reported[child];
                    if (child.LastReportedQuarter == index - 1 && child.LastReportedMembers is { } previous
                        && reported.Members != previous + reported.Admitted - reported.Left)
                    {
                        _truth.ReconciliationWarnings++;
                        if (_mergerTargets.Contains(child) && q.Start == SampleRegistry.ReorganisationDay)
                        {
                            _truth.ReconciliationFromMergers++;
                        }
                        else
                        {
                            _truth.ReconciliationInjected++;
                        }
                    }

                    child.LastReportedMembers = reported.Members;
                    child.LastReportedQuarter = index;
                }
            }
        }
    }

    private void ParentQuarter(int index, PeriodRef q, SampleUnit parent, List<SampleUnit> children)
    {
        var deadline = Deadline(q);
        var province = ProvinceOf(parent, q.End);
        var style = SenderStyle.For(_options.Seed, parent.Code);
        var rng = SampleRandom.For(_options.Seed, "parent:" + q.Code, parent.Index);
        var folder = $"{q.Code}/{province}";
        var mainDay = rng.Chance(0.04)
            ? DateOnly.FromDateTime(deadline.Date).AddDays(rng.Between(0, 20))
            : DateOnly.FromDateTime(deadline.Date).AddDays(-rng.Between(1, 18));
        var latestStart = children.Max(c => c.FirstDay);
        var supplementDay = Max(DateOnly.FromDateTime(deadline.Date).AddDays(rng.Between(3, 25)), latestStart.AddDays(2), mainDay.AddDays(1));
        var correctionDay = Max(mainDay, supplementDay).AddDays(rng.Between(5, 30));
        var main = new SampleFile($"{folder}/{parent.Code}.csv", At(mainDay, rng), style);
        var supplement = new SampleFile($"{folder}/{parent.Code}_bo-sung.csv", At(supplementDay, rng), style);
        var correction = new SampleFile($"{folder}/{parent.Code}_dieu-chinh.csv", At(correctionDay, rng), style);
        var period = style.Period(q);

        var enterprises = 0;
        foreach (var child in children)
        {
            var values = Advance(child, index, q);
            if (child.Sector != "public")
            {
                enterprises++;
            }

            var role = SampleRandom.For(_options.Seed, "role:" + q.Code, child.Index);
            var protectedFromMess = _mergerTargets.Contains(child) && q.Start == SampleRegistry.ReorganisationDay;
            var reported = values;
            if (!protectedFromMess && role.Chance(_pReconcile))
            {
                // A miscount of admissions: members no longer reconcile (warning on purpose, once).
                reported = values.Admitted > 0 ? values with { Admitted = values.Admitted - 1 } : values with { Left = values.Left + 1 };
                protectedFromMess = true;
            }

            if (child.Channel != SubmissionChannel.Bulk)
            {
                OwnQuarter(child, q, reported, role, protectedFromMess, folder);
                continue;
            }

            var missing = role.Chance(0.025);
            var late = role.Chance(0.06) || child.FirstDay.AddDays(2) > mainDay;
            var error = !protectedFromMess && role.Chance(_pError);
            var resubmit = !protectedFromMess && !error && role.Chance(_pResubmit);
            var note = style.Note ? Note(role, q) : "";
            if (missing)
            {
                continue;
            }

            if (late)
            {
                supplement.Submissions.Add(Grassroots(child, period, reported, style, "Báo cáo bổ sung"));
            }
            else if (error)
            {
                main.Submissions.Add(Erroneous(child, period, reported, style, note));
                supplement.Submissions.Add(Grassroots(child, period, reported, style, "Sửa lỗi theo phản hồi"));
            }
            else if (resubmit)
            {
                main.Submissions.Add(Grassroots(child, period, reported with { Collected = Typo(reported.Collected, role) }, style, note));
                correction.Submissions.Add(Grassroots(child, period, reported, style, "Điều chỉnh số liệu tài chính"));
                _truth.Resubmissions++;
            }
            else
            {
                main.Submissions.Add(Grassroots(child, period, reported, style, note));
            }

            _reported[child] = reported;
        }

        var own = new List<SampleCell>(4);
        if (enterprises > 0)
        {
            // Enterprises large enough to found a union, of which a growing share has one.
            var coverage = Math.Min(0.95, 0.62 + 0.012 * index + SampleRandom.For(_options.Seed, "coverage", parent.Index).Uniform(-0.08, 0.08));
            var eligible = (long)Math.Round(enterprises / coverage);
            own.Add(new SampleCell("enterprises_eligible", style.Number(eligible), eligible));
        }

        // The upper level's own work in the quarter: training classes for officials (Long Biên runs two a
        // year, seed 001) and members' legal cases, a rising share of them with a union representative (Gia Lâm, seed 004).
        var work = SampleRandom.For(_options.Seed, "upper:" + q.Code, parent.Index);
        var cases = work.Poisson(0.3 + 0.01 * children.Count);
        var represented = 0;
        for (var i = 0; i < cases; i++)
        {
            represented += work.Chance(Math.Min(0.95, 0.6 + 0.025 * (q.Year - 2021))) ? 1 : 0;
        }

        own.Add(Cell("training_classes_held", work.Poisson(0.6), style));
        own.Add(Cell("legal_cases", cases, style));
        own.Add(Cell("legal_cases_represented", represented, style));
        main.Submissions.Add(new SampleSubmission(parent.Code, period, own, ""));

        Flush(main);
        Flush(supplement);
        Flush(correction);
    }

    private void OwnQuarter(SampleUnit child, PeriodRef q, QuarterValues reported, SampleRandom role, bool protectedFromMess, string folder)
    {
        var deadline = DateOnly.FromDateTime(Deadline(q).Date);
        var style = SenderStyle.For(_options.Seed, child.Code);
        if (role.Chance(0.03))
        {
            return;
        }

        var day = role.Chance(0.07) ? deadline.AddDays(role.Between(0, 20)) : deadline.AddDays(-role.Between(1, 15));
        day = Max(day, child.FirstDay.AddDays(2));
        var ext = child.Channel == SubmissionChannel.Xlsx ? "xlsx" : "json";
        var period = child.Channel == SubmissionChannel.Json && style.PeriodStyle > 2 ? q.Code : style.Period(q);
        var first = new SampleFile($"{folder}/{child.Code}.{ext}", At(day, role), style);
        var note = style.Note ? Note(role, q) : "";
        _reported[child] = reported;
        if (!protectedFromMess && role.Chance(_pError))
        {
            first.Submissions.Add(Erroneous(child, period, reported, style, note));
            var fixedFile = new SampleFile($"{folder}/{child.Code}_sua.{ext}", At(day.AddDays(role.Between(2, 10)), role), style);
            fixedFile.Submissions.Add(Grassroots(child, period, reported, style, "Sửa lỗi theo phản hồi"));
            Flush(first);
            Flush(fixedFile);
        }
        else if (!protectedFromMess && role.Chance(_pResubmit))
        {
            first.Submissions.Add(Grassroots(child, period, reported with { Collected = Typo(reported.Collected, role) }, style, note));
            var second = new SampleFile($"{folder}/{child.Code}_lan-2.{ext}", At(day.AddDays(role.Between(5, 30)), role), style);
            second.Submissions.Add(Grassroots(child, period, reported, style, "Điều chỉnh số liệu tài chính"));
            _truth.Resubmissions++;
            Flush(first);
            Flush(second);
        }
        else
        {
            first.Submissions.Add(Grassroots(child, period, reported, style, note));
            Flush(first);
        }
    }

    private void Year(PeriodRef year)
    {
        var end = year.End;
        var deadline = DateOnly.FromDateTime(Deadline(year).Date);
        var counts = _truth.Period(year.Code);
        var groups = _grassroots.Where(u => u.ActiveAt(end)).GroupBy(u => u.WindowAt(end)!.Parent!)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var parent = _registry.ByCode[group.Key];
            var style = SenderStyle.For(_options.Seed, parent.Code);
            var rng = SampleRandom.For(_options.Seed, "year:" + year.Code, parent.Index);
            var folder = $"{year.Code}/{ProvinceOf(parent, end)}";
            var main = new SampleFile($"{folder}/{parent.Code}_xep-loai.csv", At(deadline.AddDays(-rng.Between(1, 12)), rng), style);
            var supplement = new SampleFile($"{folder}/{parent.Code}_xep-loai_bo-sung.csv", At(deadline.AddDays(rng.Between(1, 30)), rng), style);
            _firstAccepted.Clear();
            foreach (var child in group)
            {
                var role = SampleRandom.For(_options.Seed, "rating:" + year.Code, child.Index);
                var rating = Rating(child, role);
                if (role.Chance(0.03))
                {
                    continue;
                }

                var late = role.Chance(0.05) || child.FirstDay.AddDays(2) > DateOnly.FromDateTime(main.ReceivedAt.Date);
                if (child.Channel != SubmissionChannel.Bulk)
                {
                    var own = SenderStyle.For(_options.Seed, child.Code);
                    var ext = child.Channel == SubmissionChannel.Xlsx ? "xlsx" : "json";
                    var day = Max(late ? deadline.AddDays(role.Between(0, 20)) : deadline.AddDays(-role.Between(1, 12)), child.FirstDay.AddDays(2));
                    var file = new SampleFile($"{folder}/{child.Code}.{ext}", At(day, role), own);
                    file.Submissions.Add(new SampleSubmission(child.Code, own.Period(year), YearCells(child, year, rating, own), "") { Counts = child });
                    Flush(file);
                    continue;
                }

                var cells = YearCells(child, year, rating, style);
                if (!late && SampleRandom.For(_options.Seed, "year-error:" + year.Code, child.Index).Chance(_pYearError))
                {
                    // A ticked box typed for a yes/no answer: refused, then sent again with the supplement.
                    var ticked = new List<SampleCell>(cells);
                    var at = ticked.FindIndex(c => c.Indicator == "emulation_launched");
                    ticked[at] = new SampleCell("emulation_launched", "x", null);
                    main.Submissions.Add(new SampleSubmission(child.Code, style.Period(year), ticked, "") { Counts = child, Error = InjectedError.NotANumber });
                    supplement.Submissions.Add(new SampleSubmission(child.Code, style.Period(year), cells, "Sửa lỗi theo phản hồi") { Counts = child });
                    continue;
                }

                (late ? supplement : main).Submissions.Add(new SampleSubmission(child.Code, style.Period(year), cells, "") { Counts = child });
            }

            main.Submissions.Add(new SampleSubmission(parent.Code, style.Period(year), UpperYearCells(parent, year, style), ""));

            Flush(main);
            Flush(supplement);
            foreach (var child in group)
            {
                counts.Expected++;
                if (_firstAccepted.TryGetValue(child, out var at))
                {
                    counts.Received++;
                    counts.Late += at >= Deadline(year) ? 1 : 0;
                }
            }
        }
    }

    /// <summary>
    /// A grassroots union's year report: its rating, its officials and female workers at year end, and
    /// what it did during the year. Rates are drawn around the seeds' targets and rise a little every year
    /// (docs/sample-data.md, "Activities"); people counts never exceed the people they are counted among.
    /// </summary>
    private List<SampleCell> YearCells(SampleUnit unit, PeriodRef year, string rating, SenderStyle style)
    {
        var rng = SampleRandom.For(_options.Seed, "activities:" + year.Code, unit.Index);
        var t = year.Year - 2021;
        var e = unit.Engagement;
        double Rate(double at2021, double perYear, double spread) =>
            Math.Clamp(at2021 + perYear * t + 0.08 * e + rng.Uniform(-spread, spread), 0, 1);
        int Of(int people, double rate) => (int)Math.Round(people * rate);
        int Happens(double p) => rng.Chance(Math.Clamp(p + 0.05 * e, 0, 1)) ? 1 : 0;

        var workers = unit.Workers;
        var members = unit.Members;
        var officials = Math.Clamp(2 + (int)Math.Round(members / 12.0) + rng.Between(0, 2), 3, 200);
        var female = Of(workers, unit.FemaleShare);
        var hardship = rng.Poisson(members * 0.03);
        var visited = hardship == 0 || rng.Chance(0.9) ? hardship : hardship - rng.Between(1, Math.Min(3, hardship));
        var registered = Happens(0.75);
        var cells = new List<SampleCell>(24)
        {
            new("rating", rating, null),
            Cell("officials", officials, style),
            Cell("female_workers", female, style),
            Flag("women_committee_founded", unit.WomenCommittee ? 1 : 0, style),
            Cell("workers_informed", Of(workers, Rate(0.86, 0.015, 0.08)), style),
            Cell("workers_in_learning", Of(workers, Rate(0.66, 0.02, 0.1)), style),
            Cell("officials_trained", Of(officials, Rate(0.85, 0.02, 0.1)), style),
            Flag("emulation_launched", Happens(0.93 + 0.01 * t), style),
            Cell("female_workers_recognized", Of(female, Rate(0.72, 0.02, 0.1)), style),
            Flag("cdcs_inspected", Happens(0.18), style),
            Flag("finance_disclosed", Happens(0.9 + 0.015 * t), style),
            Cell("workers_donating_fund", Of(workers, Rate(0.85, 0.01, 0.1)), style),
            Cell("members_partner_benefits", Of(members, Rate(0.12, 0.025, 0.08)), style),
            Cell("members_in_hardship", hardship, style),
            Cell("members_visited", visited, style),
            Cell("workers_in_culture_sport", Of(workers, Rate(0.66, 0.02, 0.12)), style),
            Flag("policy_participation", Happens(0.5 + 0.03 * t), style),
            Flag("culture_standard_registered", registered, style),
            Flag("culture_standard_achieved", registered == 1 ? Happens(0.78 + 0.02 * t) : 0, style),
        };
        if (unit.Sector == "public")
        {
            cells.Add(Flag("officials_conference_held", Happens(0.97), style));
        }
        else
        {
            var soe = unit.Sector == "soe";
            cells.Add(Cell("members_in_learning", Of(members, Rate(0.55, 0.02, 0.1)), style));
            cells.Add(Flag("dialogue_held", Happens(soe ? 0.95 : 0.62 + 0.025 * t), style));
            cells.Add(Flag("workers_conference_held", Happens(soe ? 0.93 : 0.6 + 0.025 * t), style));
        }

        return cells;
    }

    /// <summary>A direct-upper-level union's own year report: its rating, and whether it was inspected and audited.</summary>
    private List<SampleCell> UpperYearCells(SampleUnit upper, PeriodRef year, SenderStyle style)
    {
        var rng = SampleRandom.For(_options.Seed, "upper-year:" + year.Code, upper.Index);
        var roll = rng.NextDouble();
        var rating = roll < 0.25 ? "xuat_sac" : roll < 0.9 ? "tot" : roll < 0.98 ? "hoan_thanh" : "khong_hoan_thanh";
        return
        [
            new("upper_rating", rating, null),
            Flag("upper_inspected", rng.Chance(0.5) ? 1 : 0, style),
            Flag("upper_finance_audited", rng.Chance(0.9) ? 1 : 0, style),
        ];
    }

    private void Month(PeriodRef month)
    {
        var end = month.End;
        // Units whose children are grassroots report the grassroots unions founded under them each month.
        var reporters = _grassroots.Select(u => u.WindowAt(end)?.Parent).OfType<string>().Distinct()
            .Select(code => _registry.ByCode[code])
            .GroupBy(u => ProvinceOf(u, end))
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var province in reporters)
        {
            var style = SenderStyle.For(_options.Seed, province.Key);
            var rng = SampleRandom.For(_options.Seed, "month:" + month.Code, _registry.ByCode[province.Key].Index);
            var file = new SampleFile($"{month.Code}/{province.Key}.csv", At(end.AddDays(rng.Between(2, 9)), rng), style);
            SampleSubmission? own = null;
            if (_provinces.TryGetValue(province.Key, out var spec))
            {
                // The federation's own welfare work: "Mái ấm công đoàn" houses (Thanh Hóa: 300 or more in
                // 2021-2025, seed 002) and, now and then, a union facility where industrial zones are.
                var work = SampleRandom.For(_options.Seed, "province:" + month.Code, _registry.ByCode[province.Key].Index);
                var pace = SampleRandom.For(_options.Seed, "houses", _registry.ByCode[province.Key].Index).Uniform(3.5, 6.5);
                own = new SampleSubmission(province.Key, style.Period(month),
                [
                    Cell("mai_am_houses_built", work.Poisson(pace), style),
                    Cell("union_facilities_built", work.Chance(spec.IndustrialZones ? 1 / 40.0 : 1 / 100.0) ? 1 : 0, style),
                ], "");
                file.Submissions.Add(own);
            }

            foreach (var unit in province.OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                var founded = _foundings.GetValueOrDefault((unit.Code, month.Year, month.Seq));
                var cell = new SampleCell("cdcs_founded", founded.ToString(CultureInfo.InvariantCulture), founded);
                // A province with grassroots directly under it sends one submission with both its parts:
                // a second one for the same unit and month would be read as a new version replacing the first.
                if (unit.Code == own?.UnitCode)
                {
                    own.Cells.Add(cell);
                    continue;
                }

                file.Submissions.Add(new SampleSubmission(unit.Code, style.Period(month), [cell], ""));
            }

            Flush(file);
        }
    }

    private QuarterValues Advance(SampleUnit unit, int index, PeriodRef q)
    {
        var rng = SampleRandom.For(_options.Seed, "values:" + q.Code, unit.Index);
        int admitted, left;
        if (!unit.Started)
        {
            Start(unit, SampleRandom.For(_options.Seed, "start", unit.Index));
            StartActivities(unit, SampleRandom.For(_options.Seed, "start-activities", unit.Index));
            // A union founded this quarter admits all its first members; older ones had a usual quarter.
            admitted = unit.IsFounded ? unit.Members : (int)Math.Round(unit.Members * 0.02);
            left = unit.IsFounded ? 0 : (int)Math.Round(unit.Members * 0.015);
        }
        else
        {
            var workers = Math.Max(3, (int)Math.Round(unit.Workers * (1 + 0.004 + 0.02 * rng.Normal())));
            left = (int)Math.Round(unit.Members * rng.Uniform(0.008, 0.03) * (unit.Sector == "private" ? 1.5 : 1.0));
            var gap = Math.Max(0, unit.TargetRatio * workers - (unit.Members - left));
            admitted = (int)Math.Round(gap * 0.3 * Seasonality[q.Seq - 1] * rng.Uniform(0.7, 1.3));
            if (unit.Members - left + admitted > workers)
            {
                admitted = Math.Max(0, workers - (unit.Members - left));
                if (unit.Members - left > workers)
                {
                    left = unit.Members - workers;
                }
            }

            unit.Workers = workers;
            unit.Members = unit.Members - left + admitted;
            unit.TargetRatio = Math.Min(0.97, unit.TargetRatio + 0.002);
            if (unit.Sector != "public" && !unit.CbaSigned && rng.Chance(0.05))
            {
                unit.CbaSigned = true;
                unit.CbaFavorable = rng.Chance(0.6);
                unit.CbaGradeBPlus = rng.Chance(0.45);
            }
        }

        var party = rng.Chance(unit.Sector == "public" ? 0.35 : 0.2) ? (rng.Chance(0.2) ? 2 : 1) : 0;
        var salary = unit.Sector switch { "public" => 6_500_000L, "soe" => 8_000_000L, _ => 7_500_000L };
        // Kinh phí công đoàn (2% of the wage fund) and members' dues, for three months.
        var budget = (unit.Workers * salary * 3 * 2 / 100 + unit.Members * salary * 3 / 200) / 1000 * 1000;
        var collected = (long)(budget * rng.Uniform(0.82, 1.06)) / 1000 * 1000;
        var enterprise = unit.Sector != "public";
        _ = index;
        AdvanceStocks(unit, SampleRandom.For(_options.Seed, "stocks:" + q.Code, unit.Index));
        return new QuarterValues(unit.Workers, unit.Members, admitted, left, party, collected, budget,
            enterprise ? (unit.CbaSigned ? 1 : 0) : null,
            enterprise ? (unit.CbaSigned && unit.CbaFavorable ? 1 : 0) : null,
            enterprise ? (unit.CbaSigned && unit.CbaGradeBPlus ? 1 : 0) : null,
            unit.DemocracyRules ? 1 : 0, unit.DanVanKheo ? 1 : 0, (int)Math.Round(unit.Workers * unit.PledgedShare));
    }

    // The activity stocks a unit starts with: most agencies and state enterprises have their democracy
    // regulations and a women's committee, non-state enterprises less often, a newly founded union seldom.
    private static void StartActivities(SampleUnit unit, SampleRandom rng)
    {
        unit.Engagement = Math.Clamp(0.5 * rng.Normal(), -1, 1);
        var state = unit.Sector != "private";
        var fresh = unit.IsFounded ? 0.5 : 1.0;
        var keen = 0.1 * unit.Engagement;
        unit.FemaleShare = unit.Sector switch
        {
            "public" => rng.Uniform(0.5, 0.75),
            "soe" => rng.Uniform(0.25, 0.45),
            _ => rng.Uniform(0.35, 0.7),
        };
        unit.PledgedShare = Math.Clamp(rng.Uniform(0.6, 0.95) + keen, 0, 1) * fresh;
        unit.DemocracyRules = rng.Chance(((state ? 0.9 : 0.55) + keen) * fresh);
        unit.DanVanKheo = rng.Chance((0.8 + keen) * fresh);
        unit.WomenCommittee = rng.Chance(((state ? 0.85 : 0.5) + keen) * fresh);
    }

    // Each quarter a few more units issue their regulations, register a model, found a women's committee,
    // and more workers sign the pledge; none is ever withdrawn.
    private static void AdvanceStocks(SampleUnit unit, SampleRandom rng)
    {
        var state = unit.Sector != "private";
        unit.DemocracyRules |= rng.Chance(state ? 0.15 : 0.05);
        unit.DanVanKheo |= rng.Chance(0.1);
        unit.WomenCommittee |= rng.Chance(state ? 0.06 : 0.04);
        unit.PledgedShare = Math.Min(1, unit.PledgedShare + rng.Uniform(0, 0.025));
    }

    private static void Start(SampleUnit unit, SampleRandom rng)
    {
        var (median, sigma, ratioLow, ratioHigh) = unit.Sector switch
        {
            "public" => (25.0, 0.7, 0.9, 0.99),
            "soe" => (140.0, 1.0, 0.85, 0.97),
            _ => (88.0, 1.2, 0.6, 0.9),
        };
        if (unit.IsFounded)
        {
            median *= 0.5;
            ratioHigh = ratioLow;
            ratioLow *= 0.6;
        }

        unit.Workers = Math.Clamp((int)Math.Round(rng.LogNormal(median, sigma)), 5, 30_000);
        unit.TargetRatio = rng.Uniform(ratioLow, ratioHigh);
        unit.Members = Math.Max(3, (int)Math.Round(unit.Workers * unit.TargetRatio));
        unit.TargetRatio = Math.Max(unit.TargetRatio, 0.75);
        if (unit.Sector != "public")
        {
            unit.CbaSigned = rng.Chance(unit.Sector == "soe" ? 0.85 : 0.6) && !unit.IsFounded;
            unit.CbaFavorable = rng.Chance(0.6);
            unit.CbaGradeBPlus = rng.Chance(0.45);
        }

        unit.Started = true;
    }

    private static string Rating(SampleUnit unit, SampleRandom rng)
    {
        var roll = rng.NextDouble();
        var (excellent, good, done) = unit.Sector == "public" ? (0.15, 0.70, 0.95) : (0.08, 0.53, 0.93);
        return roll < excellent ? "xuat_sac" : roll < good ? "tot" : roll < done ? "hoan_thanh" : "khong_hoan_thanh";
    }

    // A slip of the keyboard in the finance figure: an extra zero, or two digits swapped.
    private static long Typo(long amount, SampleRandom rng)
    {
        if (rng.Chance(0.5) || amount < 100_000)
        {
            return amount * 10;
        }

        var digits = amount.ToString(CultureInfo.InvariantCulture).ToCharArray();
        var i = rng.Between(0, digits.Length - 5);
        (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
        var swapped = long.Parse(digits, CultureInfo.InvariantCulture);
        return swapped == amount ? amount + 1_000_000 : swapped;
    }

    private static string Note(SampleRandom rng, PeriodRef q) => rng.Next(4) switch
    {
        0 => "",
        1 => "Đã rà soát",
        2 => string.Create(CultureInfo.InvariantCulture, $"Số liệu đến ngày 10/{q.End.Month:00}/{q.Year}"),
        _ => "Số liệu ước tính, sẽ cập nhật",
    };

    private string ProvinceOf(SampleUnit unit, DateOnly day) =>
        unit.Level <= 1 ? unit.Code : unit.WindowAt(day)?.Parent ?? unit.Windows[^1].Parent!;

    private static DateTimeOffset At(DateOnly day, SampleRandom rng) =>
        new(day.ToDateTime(new TimeOnly(rng.Between(7, 16), rng.Between(0, 59), rng.Between(0, 59))), VietnamOffset);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b, DateOnly c) => Max(Max(a, b), c);
}
