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

    /// <summary>
    /// A result value as the analyst surfaces show it: null for NULL; HUGEINT (what sum() of integers
    /// gives) as a long when it fits; lists, structs and maps as DuckDB writes them as text
    /// ([1, 2], {'a': 1}); every other value as DuckDB.NET reads it (DATE as DateOnly).
    /// </summary>
    public static object? Value(System.Data.Common.DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column)) return null;
        return Shown(reader.GetValue(column));
    }

    private static object? Shown(object? value) => value switch
    {
        null or DBNull => null,
        System.Numerics.BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        System.Numerics.BigInteger b => b.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string or byte[] => value,
        System.Collections.IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Text(k)}: {Text(map[k])}")) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        _ => value,
    };

    private static string Text(object? value) => Shown(value) switch
    {
        null => "NULL",
        string text => value is string ? $"'{text}'" : text,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}
