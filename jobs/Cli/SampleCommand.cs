using System.Globalization;
using Analytics.Etl.Sample;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics sample`: a realistic, deterministic sample organisation and its submissions.</summary>
public static class SampleCommand
{
    public static readonly CommandSpec Spec = new(
        "sample",
        "Generate a sample organisation (registry and submission files, 2021 to now) as real units would send them",
        "./analytics sample --scale small|national --out DIR [--seed N] [--as-of DATE]",
        [
            new("--scale", "small|national", "a few hundred units (seconds), or ~126,000 grassroots unions (minutes)", Default: "small"),
            new("--out", "DIR", "output folder (units.csv, submissions/, expected.json)"),
            new("--seed", "N", "random seed; the same seed gives the same files", Default: SampleOptions.DefaultSeed.ToString(CultureInfo.InvariantCulture)),
            new("--as-of", "DATE", "generate periods whose deadline has passed by this date (default: today)"),
        ],
        Run);

    private static int Run(Invocation cli)
    {
        var scale = cli.Get("--scale") switch
        {
            "small" => SampleScale.Small,
            "national" => SampleScale.National,
            var other => throw new UsageException($"--scale must be small or national, not '{other}'."),
        };
        var output = cli.Require("--out");
        if (!int.TryParse(cli.Get("--seed"), CultureInfo.InvariantCulture, out var seed)) throw new UsageException("--seed must be a whole number.");
        var asOf = DateOnly.FromDateTime(cli.Clock.GetLocalNow().DateTime);
        if (cli.Get("--as-of") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            throw new UsageException($"--as-of '{text}' is not a date (yyyy-MM-dd).");
        var summary = Generate(cli, scale, output, seed, asOf);
        Print(cli, summary);
        return CliApp.Ok;
    }

    internal static SampleSummary Generate(Invocation cli, SampleScale scale, string output, int seed, DateOnly asOf)
    {
        var progress = new ProgressLine(cli.Error, 100, cli.English ? "sample" : "tạo mẫu");
        using (progress)
        {
            return SampleGenerator.Generate(new SampleOptions(scale, output, asOf) { Seed = seed },
                new Progress<SampleProgress>(p => progress.Report(p.Total == 0 ? 0 : (int)(100L * p.Done / p.Total), p.Stage)));
        }
    }

    internal static void Print(Invocation cli, SampleSummary s)
    {
        cli.Out.WriteLine(cli.English
            ? $"Sample in {s.OutputDirectory}: {s.UnitRows:N0} registry rows, {s.GrassrootsActiveAtAsOf:N0} grassroots unions active, {s.MembersAtAsOf:N0} members; {s.FirstQuarter}…{s.LastQuarter}; {s.Files:N0} files, {s.Submissions:N0} submissions ({s.RefusedExpected} to be refused, {s.Late:N0} late, {s.Missing:N0} missing) in {s.Elapsed.TotalSeconds:N1} s."
            : $"Dữ liệu mẫu tại {s.OutputDirectory}: {s.UnitRows:N0} dòng danh mục, {s.GrassrootsActiveAtAsOf:N0} CĐCS đang hoạt động, {s.MembersAtAsOf:N0} đoàn viên; {s.FirstQuarter}…{s.LastQuarter}; {s.Files:N0} tệp, {s.Submissions:N0} báo cáo ({s.RefusedExpected} sẽ bị từ chối, {s.Late:N0} trễ, {s.Missing:N0} thiếu) trong {s.Elapsed.TotalSeconds:N1} giây.");
    }
}
