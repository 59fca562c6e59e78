namespace Analytics.Warehouse.Store;

/// <summary>
/// The analyst SQL surface (`analytics sql`, the web SQL page): a warehouse or snapshot opened
/// read-only, with no file system or network reached from SQL (no read_csv of arbitrary files, COPY TO,
/// ATTACH, INSTALL or LOAD) and the configuration locked, so a query cannot turn access back on.
/// </summary>
public static class AnalystSql
{
    /// <summary>The options every analyst-facing open uses; joining a file open with others is refused.</summary>
    public static readonly DuckDbOptions Options = new()
    {
        ReadOnly = true,
        Settings = new Dictionary<string, string>
        {
            ["enable_external_access"] = "false",
            ["lock_configuration"] = "true",
        },
    };

    /// <summary>
    /// When DuckDB refused a statement because this surface only reads, a sentence saying so in the
    /// user's language; null for any other error (a typo, an unknown column), which is shown as it is.
    /// </summary>
    public static string? Refusal(string duckDbMessage, bool english)
    {
        var m = duckDbMessage;
        bool Has(string s) => m.Contains(s, StringComparison.OrdinalIgnoreCase);
        if (Has("configuration has been locked") || Has("lock_configuration"))
            return english ? "settings cannot be changed here." : "không được thay đổi cấu hình tại đây.";
        if (Has("external access") || Has("Permission Error"))
            return english ? "SQL here cannot read or write files, attach databases or load extensions."
                           : "SQL tại đây không được đọc hay ghi tệp, gắn cơ sở dữ liệu khác hay nạp phần mở rộng.";
        if (Has("read-only") || Has("read only"))
            return english ? "this surface only reads; it cannot change the warehouse."
                           : "chỉ đọc dữ liệu, không được thay đổi kho dữ liệu.";
        return null;
    }
}
