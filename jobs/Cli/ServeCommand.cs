using System.CommandLine;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics serve`: the jobs (Hangfire) and the web page, until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Build(CliContext cli)
    {
        var port = cli.Int("--port", "N", null, 1, 65535,
            "cổng của trang web", "port of the web page", defaultText: cli.T("theo appsettings.json, 5080", "from appsettings.json, 5080"));
        var command = new Command("serve", cli.T(
            "Chạy dịch vụ: nạp, tính lại, công bố và nhắc nộp theo lịch, và trang web (127.0.0.1)\n\n" +
            "Cấu hình: appsettings.json cạnh chương trình, ghi đè bằng biến môi trường (Analytics__Inbox,\n" +
            "Analytics__Output, Analytics__Store=sqlite|postgres|memory, Analytics__StoreConnection, Analytics__Port,\n" +
            "Analytics__Schedules__MonthlyReport, …). Khi dịch vụ chạy, chỉ dịch vụ ghi vào kho dữ liệu.\n" +
            "Quản trị viên (user add --admin) xem bảng điều khiển Hangfire ở /hangfire. docs/service.md.",
            "Run the service: scheduled ingest, refresh, publish and reminders, and the web page (127.0.0.1)\n\n" +
            "Settings: appsettings.json beside the program, overridden by environment variables (Analytics__Inbox,\n" +
            "Analytics__Output, Analytics__Store=sqlite|postgres|memory, Analytics__StoreConnection, Analytics__Port,\n" +
            "Analytics__Schedules__MonthlyReport, …). While it runs only the service writes the warehouse.\n" +
            "Administrators (user add --admin) see Hangfire's Dashboard at /hangfire. docs/service.md."))
        {
            port,
        };
        return command.Runs(cli, run => Run(run, run.Given(port) ? run.Get(port) : null));
    }

    private static int Run(CommandRun cli, int? port)
    {
        var settings = ServiceSettings.From(ServiceSettings.Load(), cli.Given(cli.Cli.Db) ? cli.DbPath : Environment.GetEnvironmentVariable("ANALYTICS_DB"));
        if (port is { } p) settings.Port = p;
        // Clustered nodes (PostgreSQL store) share the warehouse by design; anything else is a second writer.
        var clustered = settings.Store == "postgres";
        if (ServiceLock.Find(settings.Db) is { } holder && !(clustered && holder.Clustered))
        {
            cli.Error.WriteLine("analytics serve: " + ServiceLock.Refusal(holder, cli.English));
            return CliApp.Refused;
        }
        var url = $"http://{settings.Bind}:{settings.Port}";
        using var serviceLock = ServiceLock.Acquire(settings.Db, url, cli.Clock, clustered);
        cli.Out.WriteLine(cli.English
            ? $"analytics serve: {url} — warehouse {Path.GetFullPath(settings.Db)}, inbox {Path.GetFullPath(settings.Inbox)}, output {Path.GetFullPath(settings.Output)}, store {settings.Store}. Ctrl+C stops."
            : $"analytics serve: {url} — kho {Path.GetFullPath(settings.Db)}, hộp thư đến {Path.GetFullPath(settings.Inbox)}, kết quả {Path.GetFullPath(settings.Output)}, lưu lịch {settings.Store}. Ctrl+C để dừng.");
        if (!File.Exists(settings.UsersPath))
            cli.Error.WriteLine(cli.English
                ? $"no users yet: uploads and job actions need a login; add one with ./analytics user add NAME (file {settings.UsersPath})"
                : $"chưa có người dùng: tải lên và điều khiển tác vụ cần đăng nhập; thêm bằng ./analytics user add TÊN (tệp {settings.UsersPath})");
        ServiceEntryPoints.Current.Serve(settings, cli.Clock, CancellationToken.None);
        return CliApp.Ok;
    }
}
