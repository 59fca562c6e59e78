namespace Analytics.Jobs.Operations;

/// <summary>
/// Who is expected to report for a period (CompletenessReport.Result.Reporters), in words, for the
/// completeness command and page: grassroots unions for most periods, the units above them for months.
/// </summary>
public static class ReporterWords
{
    /// <summary>The expected reporters, plural, e.g. "công đoàn cơ sở (CĐCS)".</summary>
    public static string Who(string? reporters, bool english) => reporters switch
    {
        "grassroots" => english ? "grassroots unions" : "công đoàn cơ sở (CĐCS)",
        "upper" => english ? "unions directly above grassroots unions" : "công đoàn cấp trên trực tiếp cơ sở",
        "province" => english ? "provincial federations of labour" : "liên đoàn lao động tỉnh, thành phố",
        "national" => english ? "the national federation" : "Tổng Liên đoàn",
        _ => english ? "nobody (no indicator is reported for this period type)" : "không đơn vị nào (không có chỉ tiêu báo cáo cho loại kỳ này)",
    };

    /// <summary>The heading over the list of late and missing reporters.</summary>
    public static string LateOrMissingHeading(string? reporters, bool english) => reporters == "grassroots"
        ? english ? "Late and missing grassroots units" : "CĐCS nộp trễ hoặc chưa nộp"
        : english ? "Late and missing units" : "Đơn vị nộp trễ hoặc chưa nộp";
}
