using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Store;

namespace Analytics.Jobs.Cli;

/// <summary>One command being run: its parsed command line, the run's writers, clock and language, and the warehouse it names.</summary>
public sealed class CommandRun(CliContext cli, ParseResult parse)
{
    public CliContext Cli { get; } = cli;

    public ParseResult Parse { get; } = parse;

    public TextWriter Out => Cli.Out;

    public TextWriter Error => Cli.Error;

    public TimeProvider Clock => Cli.Clock;

    public bool English => Cli.English;

    public string T(string vi, string en) => Cli.T(vi, en);

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>Whether the option was written on the command line (not a default or an environment variable).</summary>
    public bool Given(Option option) => Parse.GetResult(option) is { Implicit: false };

    /// <summary>The warehouse path: --db, else ANALYTICS_DB, else ./data/warehouse.duckdb.</summary>
    public string DbPath => Parse.GetValue(Cli.Db)!;

    /// <summary>Today in Vietnam, whatever the machine's zone: the default of every --as-of date.</summary>
    public DateOnly Today => new VietnamClock(Clock).Today;

    /// <summary>Opens the warehouse; when writable, with the catalog and the plans (ANALYTICS_PLANS too) synced.</summary>
    /// <remarks>
    /// While `analytics serve` runs on the file only it writes: a writable open is refused with a message
    /// naming the service (its lock file beside the warehouse, or DuckDB's own file lock while a job runs).
    /// </remarks>
    public Analytics.Warehouse.Warehouse OpenWarehouse(bool readOnly = false, bool mustExist = false)
    {
        // A command that only reads must not leave an empty warehouse behind for a mistyped or missing --db.
        if (readOnly || mustExist) RequireWarehouseFile();
        if (!readOnly && ServiceLock.Find(DbPath) is { } holder)
            throw new WarehouseException(ServiceLock.Refusal(holder, English));
        try
        {
            return Analytics.Warehouse.Warehouse.Open(DbPath, new DuckDbOptions { ReadOnly = readOnly }, Clock, Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment());
        }
        catch (System.Data.Common.DbException e) when (WarehouseGate.IsLockConflict(e))
        {
            throw new WarehouseException(T(
                $"kho dữ liệu '{DbPath}' đang được tiến trình khác dùng (dịch vụ `analytics serve` đang chạy tác vụ, hoặc lệnh khác); hãy thử lại sau ít phút. Để đọc, dùng bản sao đã công bố trong thư mục kết quả của dịch vụ (published/warehouse.duckdb). DuckDB: {e.Message}",
                $"the warehouse '{DbPath}' is in use by another process (the service `analytics serve` running a job, or another command); try again shortly. Readers can use the published copy in the service's output folder (published/warehouse.duckdb). DuckDB said: {e.Message}"));
        }
    }

    /// <summary>The demo's warehouse, where `./analytics demo` leaves it by default.</summary>
    public const string DemoWarehouse = "./data/demo/warehouse.duckdb";

    /// <summary>Refuses, as a usage error that names the demo's warehouse when there is one, a --db that holds no warehouse.</summary>
    public void RequireWarehouseFile()
    {
        if (File.Exists(DbPath)) return;
        var demo = File.Exists(DemoWarehouse) && Path.GetFullPath(DemoWarehouse) != Path.GetFullPath(DbPath);
        throw new UsageException((English, demo) switch
        {
            (true, true) => $"there is no warehouse at {DbPath}. The demo's is at {DemoWarehouse}: add --db {DemoWarehouse}.",
            (true, false) => $"there is no warehouse at {DbPath}. Give its path with --db, or create one (./analytics demo, or ./analytics units import FILE).",
            (false, true) => $"chưa có kho dữ liệu tại {DbPath}. Kho của bản chạy thử ở {DemoWarehouse}: thêm --db {DemoWarehouse}.",
            (false, false) => $"chưa có kho dữ liệu tại {DbPath}. Hãy chỉ đường dẫn bằng --db, hoặc tạo kho (./analytics demo, hoặc ./analytics units import TỆP).",
        });
    }
}

/// <summary>A mistake in the command line found while running it (a missing file, an unknown unit): reported with the usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
