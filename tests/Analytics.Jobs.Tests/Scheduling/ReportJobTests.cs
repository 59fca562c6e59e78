using Analytics.Etl.Ingest;
using Analytics.Jobs.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OfficeOpenXml;
using Quartz;

namespace Analytics.Jobs.Tests.Scheduling;

public sealed class ReportJobTests
{
    [Fact]
    public async Task The_monthly_report_job_publishes_the_month_just_ended_for_each_report_unit()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.ReportUnits = ["HNI"];
        SmallRegistry.Load(s);
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        using (var connection = warehouse.Connect())
        {
            var csv = Path.Combine(folder.Root, "q1.csv");
            File.WriteAllText(csv, "unit_code,period,indicator,value\nGLM-SOE,2024-Q1,members,120\nGLM-PRV,2024-Q1,members,80\nHNI-GLM,2024-03,cdcs_founded,2\n");
            var outcome = new Ingestor(connection, new IngestOptions { ReceivedAt = new DateTime(2024, 3, 10) }, TimeProvider.System).IngestFile(csv);
            Assert.Equal(3, outcome.Accepted);
        }

        var clock = new FixedClock(new DateTimeOffset(2024, 4, 16, 6, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAnalyticsScheduler(s, clock);
        using var host = builder.Build();
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var history = host.Services.GetRequiredService<JobHistory>();
        await scheduler.TriggerJob(JobNames.Key(JobNames.MonthlyReport));
        for (var i = 0; i < 300 && history.For(JobNames.MonthlyReport).Count == 0; i++) await Task.Delay(100);
        await host.StopAsync();

        var run = Assert.Single(history.For(JobNames.MonthlyReport));
        Assert.True(run.Result == JobRun.Ok, run.Error);
        var workbook = Path.Combine(s.ReportsDirectory, "2024-03", "bao-cao-thang-HNI-2024-03.xlsx");
        Assert.True(File.Exists(workbook));
        using var package = new ExcelPackage(new FileInfo(workbook));
        var numbers = package.Workbook.Worksheets
            .SelectMany(sheet => sheet.Cells.Where(c => c.Value is double).Select(c => (double)c.Value))
            .ToList();
        // Members at the end of March: 120 + 80 in Gia Lâm, the only child of Hà Nội here.
        Assert.Contains(200d, numbers);
    }
}
