using Analytics.Etl.Ingest;
using Analytics.Jobs.Operations;
using OfficeOpenXml;

namespace Analytics.Jobs.Tests.Service;

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

        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db)) Publisher.Run(warehouse, s);

        // The report renders from the published snapshot, for the month just ended as of the run.
        var clock = new FixedClock(new DateTimeOffset(2024, 4, 16, 6, 0, 0, TimeSpan.Zero));
        using (var host = JobsHost.Start(s, clock))
        {
            var id = host.Control.RunNow(ServiceJobs.MonthlyReport);
            var state = await host.WaitFor(id, TimeSpan.FromSeconds(60), "Succeeded", "Failed");
            Assert.True(state.Name == "Succeeded", state.Data.TryGetValue("ExceptionMessage", out var e) ? e : state.Name);
            Assert.Contains("2024-03", state.Data["Result"], StringComparison.Ordinal);
            await host.Stop();
        }

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
