using System.Globalization;
using Analytics.Etl.Files;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Registry;

/// <summary>
/// Loads the unit registry from CSV or xlsx into dim_unit, all or nothing. File rows are merged
/// with what the warehouse holds by (unit_code, valid_from): a new key is a new window (a move,
/// a founding), an existing key may change (typically valid_to and successor_code set on closure).
/// The merged registry must hold together — known parents active through each child window, no
/// overlapping windows, parents above children, no cycles — or nothing is written.
/// </summary>
public static class UnitRegistryImport
{
    public static readonly string[] Columns = ["unit_code", "name", "parent_code", "level", "sector", "valid_from", "valid_to", "successor_code"];

    private static readonly IReadOnlyList<string> Sectors = Analytics.Warehouse.Vocabulary.Sector.Codes;

    public sealed record Result(int RowsRead, int Added, int Changed, int Unchanged, IReadOnlyList<RegistryIssue> Issues)
    {
        public bool Refused => Issues.Count > 0;
    }

    public static Result Import(DuckDBConnection connection, string path)
    {
        var file = TabularFile.Read(path);
        var missing = Columns.Where(c => c != "successor_code" && !file.Header.Any(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            return new Result(file.Rows.Count, 0, 0, 0, [new RegistryIssue(1, null, new(
                $"thiếu cột {string.Join(", ", missing)}; cần có các cột {string.Join(",", Columns)}",
                $"missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", Columns)}"))]);
        }

        var issues = new List<RegistryIssue>();
        var incoming = new List<UnitRecord>();
        foreach (var row in file.Rows)
        {
            if (ParseRow(row, issues) is { } unit) incoming.Add(unit);
        }

        var existing = Load(connection);
        var merged = existing.ToDictionary(u => (u.Code, u.ValidFrom));
        int added = 0, changed = 0, unchanged = 0;
        var seenKeys = new Dictionary<(string, DateOnly), int>();
        foreach (var unit in incoming)
        {
            var key = (unit.Code, unit.ValidFrom);
            if (seenKeys.TryGetValue(key, out var firstRow))
            {
                issues.Add(new(unit.SourceRow, unit.Code, new(
                    $"trùng với dòng {firstRow}: cùng mã đơn vị và cùng ngày bắt đầu {unit.ValidFrom:yyyy-MM-dd}",
                    $"duplicates line {firstRow}: same unit code and valid_from {unit.ValidFrom:yyyy-MM-dd}")));
                continue;
            }
            seenKeys[key] = unit.SourceRow ?? 0;
            if (merged.TryGetValue(key, out var old))
            {
                if (old.SameContent(unit)) unchanged++;
                else changed++;
            }
            else
            {
                added++;
            }
            merged[key] = unit;
        }

        if (issues.Count == 0) issues.AddRange(Validate([.. merged.Values]));
        var result = new Result(file.Rows.Count, added, changed, unchanged, issues);
        if (result.Refused || added + changed == 0) return result;

        Write(connection, [.. merged.Values]);
        return result;
    }

    /// <summary>The registry as the warehouse holds it.</summary>
    public static List<UnitRecord> Load(DuckDBConnection connection) => connection.Query<UnitRecord>("""
        SELECT unit_code AS code, name, parent_code, level::INTEGER AS level, sector, valid_from, valid_to, successor_code
        FROM dim_unit
        """).AsList();

    private static UnitRecord? ParseRow(TabularRow row, List<RegistryIssue> issues)
    {
        var code = row["unit_code"];
        var before = issues.Count;
        void Bad(string vi, string en) => issues.Add(new(row.RowNumber, code.Length > 0 ? code : null, new(vi, en)));

        if (code.Length == 0) Bad("thiếu mã đơn vị (unit_code)", "unit_code is empty");
        var name = row["name"];
        if (name.Length == 0) Bad("thiếu tên đơn vị (name)", "name is empty");
        var levelText = row["level"];
        var levelOk = int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level <= 3;
        if (!levelOk)
            Bad($"cấp '{levelText}' không hợp lệ: phải là 0 (Tổng LĐLĐ), 1 (tỉnh/ngành TW), 2 (cấp trên trực tiếp cơ sở) hoặc 3 (CĐCS)",
                $"level '{levelText}' is not 0, 1, 2 or 3");
        var sector = row["sector"].ToLowerInvariant();
        if (!levelOk) level = -1; // the checks below depend on a known level
        if (level == 3 && !Sectors.Contains(sector))
            Bad($"CĐCS phải có khu vực (sector) là public, soe hoặc private, không phải '{sector}'",
                $"a grassroots unit needs sector public, soe or private, not '{sector}'");
        if (level is 0 or 1 or 2 && sector.Length > 0)
            Bad("chỉ CĐCS (cấp 3) mới có khu vực (sector); để trống ô này", "only grassroots units (level 3) have a sector; leave it empty");
        var parent = row["parent_code"];
        if (level == 0 && parent.Length > 0) Bad("đơn vị cấp 0 không có đơn vị cấp trên", "a level-0 unit has no parent");
        if (level > 0 && parent.Length == 0) Bad("thiếu mã đơn vị cấp trên (parent_code)", "parent_code is empty");
        var from = ParseDate(row["valid_from"], "valid_from", required: true, Bad);
        var to = ParseDate(row["valid_to"], "valid_to", required: false, Bad);
        if (from is { } f && to is { } t && t < f)
            Bad($"ngày kết thúc {t:yyyy-MM-dd} trước ngày bắt đầu {f:yyyy-MM-dd}", $"valid_to {t:yyyy-MM-dd} is before valid_from {f:yyyy-MM-dd}");
        var successor = row["successor_code"];
        if (successor.Length > 0 && successor == code) Bad("đơn vị không thể kế thừa chính nó", "a unit cannot be its own successor");

        if (issues.Count > before) return null;
        return new UnitRecord(code, name, parent.Length > 0 ? parent : null, level, level == 3 ? sector : null,
            from!.Value, to, successor.Length > 0 ? successor : null) { SourceRow = row.RowNumber };
    }

    private static DateOnly? ParseDate(string text, string column, bool required, Action<string, string> bad)
    {
        if (text.Length == 0)
        {
            if (required) bad($"thiếu ngày {column}", $"{column} is empty");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A date cell in a workbook arrives as "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss" from TabularFile.
        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return DateOnly.FromDateTime(dt);
        // A workbook date cell without a date format arrives as Excel's serial day number.
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 3000 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        bad($"ngày {column} '{text}' không đúng dạng năm-tháng-ngày (ví dụ 2025-07-01)", $"{column} '{text}' is not an ISO date (e.g. 2025-07-01)");
        return null;
    }

    /// <summary>Checks that the registry holds together; issues name the file row where there is one.</summary>
    public static List<RegistryIssue> Validate(IReadOnlyList<UnitRecord> units)
    {
        var issues = new List<RegistryIssue>();
        var byCode = units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidFrom).ToList());

        foreach (var (code, windows) in byCode)
        {
            for (var i = 1; i < windows.Count; i++)
            {
                var a = windows[i - 1];
                var b = windows[i];
                if (b.ValidFrom <= a.End)
                {
                    var culprit = b.SourceRow is not null ? b : a;
                    var other = ReferenceEquals(culprit, b) ? a : b;
                    issues.Add(new(culprit.SourceRow, code, new(
                        $"thời gian hiệu lực {Window(culprit)} chồng lên {Window(other)} của cùng đơn vị{RowRef(other, false)}",
                        $"validity {Window(culprit)} overlaps {Window(other)} of the same unit{RowRef(other, true)}")));
                }
            }
        }

        foreach (var unit in units)
        {
            if (unit.SuccessorCode is { } successor && !byCode.ContainsKey(successor))
                issues.Add(new(unit.SourceRow, unit.Code, new(
                    $"đơn vị kế thừa '{successor}' không có trong danh mục", $"successor '{successor}' is not in the registry")));
            if (unit.ParentCode is not { } parentCode) continue;
            if (!byCode.TryGetValue(parentCode, out var parentWindows))
            {
                issues.Add(new(unit.SourceRow, unit.Code, new(
                    $"đơn vị cấp trên '{parentCode}' không có trong danh mục", $"parent '{parentCode}' is not in the registry")));
                continue;
            }
            if (HasCycle(unit, byCode))
            {
                issues.Add(new(unit.SourceRow, unit.Code, new(
                    $"quan hệ cấp trên tạo thành vòng lặp (đơn vị '{unit.Code}' nằm trong cấp trên của chính nó)",
                    $"the parent chain loops back to '{unit.Code}' (a cycle)")));
                continue;
            }
            var gap = FirstUncoveredDay(unit, parentWindows);
            if (gap is { } day)
            {
                issues.Add(new(unit.SourceRow, unit.Code, new(
                    $"đơn vị cấp trên '{parentCode}' không hoạt động vào ngày {day:yyyy-MM-dd}, trong thời gian hiệu lực {Window(unit)} của đơn vị này",
                    $"parent '{parentCode}' is not active on {day:yyyy-MM-dd}, inside this unit's window {Window(unit)}")));
                continue;
            }
            var parentLevel = parentWindows.Where(p => p.ValidFrom <= unit.End && unit.ValidFrom <= p.End).Max(p => p.Level);
            if (parentLevel >= unit.Level)
                issues.Add(new(unit.SourceRow, unit.Code, new(
                    $"đơn vị cấp trên '{parentCode}' (cấp {parentLevel}) phải ở cấp cao hơn đơn vị này (cấp {unit.Level})",
                    $"parent '{parentCode}' (level {parentLevel}) must be above this unit (level {unit.Level})")));
        }
        // Most useful first: file rows in order, then existing rows.
        return [.. issues.OrderBy(i => i.Row ?? int.MaxValue)];
    }

    private static string Window(UnitRecord u) => $"{u.ValidFrom:yyyy-MM-dd}…{(u.ValidTo is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}";

    private static string RowRef(UnitRecord u, bool english) =>
        u.SourceRow is { } r ? (english ? $" (line {r})" : $" (dòng {r})") : (english ? " (already in the warehouse)" : " (đã có trong kho)");

    /// <summary>The first day of the child's window on which no window of the parent is active, or null.</summary>
    private static DateOnly? FirstUncoveredDay(UnitRecord child, List<UnitRecord> parentWindows)
    {
        var day = child.ValidFrom;
        foreach (var p in parentWindows)
        {
            if (p.End < day) continue;
            if (p.ValidFrom > day) return day;
            if (p.End >= child.End) return null;
            day = p.End.AddDays(1);
        }
        return day;
    }

    /// <summary>Walks up from <paramref name="unit"/> at its first day; a revisit is a cycle.</summary>
    private static bool HasCycle(UnitRecord unit, Dictionary<string, List<UnitRecord>> byCode)
    {
        var day = unit.ValidFrom;
        var seen = new HashSet<string> { unit.Code };
        var current = unit.ParentCode;
        while (current is not null)
        {
            if (!seen.Add(current)) return true;
            if (!byCode.TryGetValue(current, out var windows)) return false;
            var window = windows.FirstOrDefault(w => w.ActiveOn(day)) ?? windows[0];
            current = window.ParentCode;
        }
        return false;
    }

    private sealed record UnitIdRow(string UnitCode, int UnitId);

    private static void Write(DuckDBConnection connection, List<UnitRecord> units)
    {
        // unit_id is the durable key of a unit code: kept for known codes, new codes numbered on.
        var ids = new Dictionary<string, int>();
        foreach (var row in connection.Query<UnitIdRow>("SELECT DISTINCT unit_code, unit_id FROM dim_unit"))
            ids[row.UnitCode] = row.UnitId;
        var next = ids.Count == 0 ? 1 : ids.Values.Max() + 1;
        foreach (var code in units.Select(u => u.Code).Distinct().Where(c => !ids.ContainsKey(c)).Order(StringComparer.Ordinal))
            ids[code] = next++;

        using var tx = connection.BeginTransaction();
        connection.Execute("DELETE FROM dim_unit");
        using (var appender = connection.CreateAppender("dim_unit"))
        {
            foreach (var u in units.OrderBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.ValidFrom))
            {
                appender.CreateRow().AppendValue(ids[u.Code]).AppendValue(u.Code).AppendValue(u.Name).AppendValue(u.ParentCode).AppendValue((sbyte)u.Level)
                    .AppendValue(u.Sector).AppendValue(u.ValidFrom).AppendValue(u.ValidTo).AppendValue(u.SuccessorCode).EndRow();
            }
            appender.Close();
        }
        tx.Commit();
    }
}
