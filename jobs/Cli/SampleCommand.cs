using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Etl.Sample;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics sample`: a realistic, deterministic sample organisation and its submissions.</summary>
public static class SampleCommand
{
    public static Command Build(CliContext cli)
    {
        var scale = cli.Choice("--scale", ["small", "national"], "small",
            "vài trăm đơn vị (vài giây), hoặc ~126.000 CĐCS (vài phút)", "a few hundred units (seconds), or ~126,000 grassroots unions (minutes)");
        var output = cli.Text("--out", "DIR", "thư mục kết quả (units.csv, submissions/, expected.json)", "output folder (units.csv, submissions/, expected.json)", required: true);
        var seed = cli.Int("--seed", "N", SampleOptions.DefaultSeed, int.MinValue, int.MaxValue,
            "hạt giống ngẫu nhiên; cùng hạt giống cho cùng các tệp", "random seed; the same seed gives the same files");
        var asOfOption = cli.Date("--as-of", "tạo các kỳ đã quá hạn nộp tính đến ngày này (mặc định: hôm nay)", "generate periods whose deadline has passed by this date (default: today)");
        var command = new Command("sample", cli.T(
            "Tạo một tổ chức mẫu (danh mục và các tệp báo cáo, từ 2021 đến nay) như các đơn vị thật gửi lên",
            "Generate a sample organisation (registry and submission files, 2021 to now) as real units would send them"))
        {
            scale, output, seed, asOfOption,
        };
        return command.Runs(cli, run =>
        {
            var summary = Generate(run, run.Get(scale) == "national" ? SampleScale.National : SampleScale.Small, run.Get(output)!, run.Get(seed), run.Get(asOfOption) ?? run.Today);
            Print(run, summary);
            return CliApp.Ok;
        });
    }

    /// <summary>Generates the sample with a progress bar per stage on a terminal.</summary>
    internal static SampleSummary Generate(CommandRun run, SampleScale scale, string output, int seed, DateOnly asOf) =>
        Terminal.Progress(run.Error, run.T("tạo mẫu", "sample"), 100, bar => SampleGeneration.Run(scale, output, seed, asOf,
            new Progress<SampleProgress>(p =>
            {
                if (bar is null) return;
                bar.Description = Spectre.Console.Markup.Escape($"{run.T("tạo mẫu", "sample")}: {p.Stage}");
                bar.Value = p.Total == 0 ? 0 : 100.0 * p.Done / p.Total;
            })));

    internal static void Print(CommandRun run, SampleSummary s)
    {
        run.Out.WriteLine(run.T(
            $"Dữ liệu mẫu tại {s.OutputDirectory}: {Language.Vi.Count(s.UnitRows)} dòng danh mục, {Language.Vi.Count(s.GrassrootsActiveAtAsOf)} CĐCS đang hoạt động, {Language.Vi.Count(s.MembersAtAsOf)} đoàn viên; {s.FirstQuarter}…{s.LastQuarter}; {Language.Vi.Count(s.Files)} tệp, {Language.Vi.Count(s.Submissions)} báo cáo ({s.RefusedExpected} sẽ bị từ chối, {Language.Vi.Count(s.Late)} trễ, {Language.Vi.Count(s.Missing)} thiếu) trong {Language.Vi.Seconds(s.Elapsed.TotalSeconds)}.",
            $"Sample in {s.OutputDirectory}: {Language.En.Count(s.UnitRows)} registry rows, {Language.En.Count(s.GrassrootsActiveAtAsOf)} grassroots unions active, {Language.En.Count(s.MembersAtAsOf)} members; {s.FirstQuarter}…{s.LastQuarter}; {Language.En.Count(s.Files)} files, {Language.En.Count(s.Submissions)} submissions ({s.RefusedExpected} to be refused, {Language.En.Count(s.Late)} late, {Language.En.Count(s.Missing)} missing) in {Language.En.Seconds(s.Elapsed.TotalSeconds)}."));
    }

}
