using Analytics.Jobs.Operations;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Cli;

/// <summary>A parsed command line for one command, with the process's writers and clock.</summary>
public sealed class Invocation
{
    private readonly Dictionary<string, List<string>> _options;

    internal Invocation(CommandSpec command, IReadOnlyList<string> arguments, Dictionary<string, List<string>> options, TextWriter output, TextWriter error, TimeProvider clock)
    {
        Command = command;
        Arguments = arguments;
        _options = options;
        Out = output;
        Error = error;
        Clock = clock;
    }

    public CommandSpec Command { get; }

    /// <summary>Positional arguments after the command words.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider Clock { get; }

    /// <summary>The warehouse path: --db, else ANALYTICS_DB, else ./data/warehouse.duckdb.</summary>
    public string DbPath => Analytics.Warehouse.Warehouse.ResolvePath(Get("--db"));

    /// <summary>"vi" (default) or "en": the language of what users read.</summary>
    public string Lang => Get("--lang") ?? "vi";

    public bool English => Lang == "en";

    public bool Has(string flag) => _options.ContainsKey(flag);

    /// <summary>The option's last value, its environment default, or its declared default.</summary>
    public string? Get(string name)
    {
        if (_options.TryGetValue(name, out var values) && values.Count > 0) return values[^1];
        var spec = CliApp.FindOption(Command, name);
        if (spec?.Env is { } env && Environment.GetEnvironmentVariable(env) is { Length: > 0 } value) return value;
        return spec?.Default;
    }

    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public string Require(string name) =>
        Get(name) ?? throw new UsageException($"{Command.Name}: {name} is required.");

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
        Analytics.Warehouse.Warehouse warehouse;
        try
        {
            warehouse = Analytics.Warehouse.Warehouse.Open(DbPath, new DuckDbOptions { ReadOnly = readOnly }, Clock, Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment());
        }
        catch (System.Data.Common.DbException e) when (WarehouseGate.IsLockConflict(e))
        {
            throw new WarehouseException(English
                ? $"the warehouse '{DbPath}' is in use by another process (the service `analytics serve` running a job, or another command); try again shortly. Readers can use the published copy in the service's output folder (published/warehouse.duckdb). DuckDB said: {e.Message}"
                : $"kho dữ liệu '{DbPath}' đang được tiến trình khác dùng (dịch vụ `analytics serve` đang chạy tác vụ, hoặc lệnh khác); hãy thử lại sau ít phút. Để đọc, dùng bản sao đã công bố trong thư mục kết quả của dịch vụ (published/warehouse.duckdb). DuckDB: {e.Message}");
        }
        return warehouse;
    }

    /// <summary>The demo's warehouse, where `./analytics demo` leaves it by default.</summary>
    public const string DemoWarehouse = "./data/demo/warehouse.duckdb";

    /// <summary>Refuses, as a usage error that names the demo's warehouse when there is one, a --db that holds no warehouse.</summary>
    public void RequireWarehouseFile()
    {
        if (!File.Exists(DbPath)) throw new UsageException(NoWarehouse());
    }

    private string NoWarehouse()
    {
        var demo = File.Exists(DemoWarehouse) && Path.GetFullPath(DemoWarehouse) != Path.GetFullPath(DbPath);
        return (English, demo) switch
        {
            (true, true) => $"there is no warehouse at {DbPath}. The demo's is at {DemoWarehouse}: add --db {DemoWarehouse}.",
            (true, false) => $"there is no warehouse at {DbPath}. Give its path with --db, or create one (./analytics demo, or ./analytics units import FILE).",
            (false, true) => $"chưa có kho dữ liệu tại {DbPath}. Kho của bản chạy thử ở {DemoWarehouse}: thêm --db {DemoWarehouse}.",
            (false, false) => $"chưa có kho dữ liệu tại {DbPath}. Hãy chỉ đường dẫn bằng --db, hoặc tạo kho (./analytics demo, hoặc ./analytics units import TỆP).",
        };
    }
}

/// <summary>A mistake in the command line: reported with the usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
