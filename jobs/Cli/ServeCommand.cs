using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics serve`: the jobs (Hangfire) and the web page, until Ctrl+C.</summary>
public static class ServeCommand
{
    public static readonly CommandSpec Spec = new(
        "serve",
        "Run the service: scheduled ingest, refresh, publish and reminders, and the web page (127.0.0.1)",
        "./analytics serve [--port N]",
        [new("--port", "N", "port of the web page (default from appsettings.json, 5080)")],
        Run,
        "Settings: appsettings.json beside the program, overridden by environment variables (Analytics__Inbox,\n" +
        "Analytics__Output, Analytics__Store=sqlite|postgres|memory, Analytics__StoreConnection, Analytics__Port,\n" +
        "Analytics__Schedules__MonthlyReport, …). While it runs only the service writes the warehouse. Administrators (user add --admin)\n" +
        "see Hangfire's Dashboard at /hangfire. docs/service.md.");

    private static int Run(Invocation cli)
    {
        var settings = ServiceSettings.From(ServiceSettings.Load(), cli.Get("--db") is { } db && db != Analytics.Warehouse.Warehouse.DefaultPath ? db : Environment.GetEnvironmentVariable("ANALYTICS_DB"));
        if (cli.Get("--port") is { } port)
            settings.Port = int.TryParse(port, out var p) && p is > 0 and < 65536 ? p : throw new UsageException("--port must be a port number.");
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
