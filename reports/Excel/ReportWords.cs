using Analytics.Reports.Data;

namespace Analytics.Reports.Excel;

/// <summary>Words the reports add themselves (statuses, sectors, ratings), in Vietnamese or English.</summary>
public static class ReportWords
{
    public static string Status(TargetStatus status, bool english) => status switch
    {
        TargetStatus.Achieved => english ? "Achieved" : "Đạt",
        TargetStatus.OnTrack => english ? "On track" : "Đúng tiến độ",
        TargetStatus.AtRisk => english ? "At risk" : "Có nguy cơ không đạt",
        TargetStatus.NotAchieved => english ? "Not achieved" : "Không đạt",
        TargetStatus.NotYetDue => english ? "Not yet due" : "Chưa đến hạn",
        TargetStatus.NoData => english ? "No data" : "Chưa có số liệu",
        _ => english ? "Not measured" : "Không đo được",
    };

    public static string Group(string group, bool english) => group switch
    {
        "membership" => english ? "Membership" : "Phát triển đoàn viên",
        "organisation" => english ? "Union organisation" : "Tổ chức công đoàn",
        "cba" => english ? "Collective agreements" : "Thỏa ước lao động tập thể",
        "democracy" => english ? "Workplace democracy" : "Dân chủ cơ sở",
        "communication" => english ? "Communication" : "Tuyên truyền",
        "training" => english ? "Training" : "Đào tạo, bồi dưỡng",
        "party" => english ? "Party building" : "Xây dựng Đảng",
        "rating" => english ? "Ratings" : "Xếp loại",
        "finance" => english ? "Finance" : "Tài chính công đoàn",
        "inspection" => english ? "Inspection" : "Kiểm tra, giám sát",
        "welfare" => english ? "Welfare" : "Chăm lo đời sống",
        "legal" => english ? "Legal support" : "Tư vấn pháp luật",
        "women" => english ? "Women" : "Công tác nữ công",
        "emulation" => english ? "Emulation" : "Thi đua",
        "policy" => english ? "Policy making" : "Tham gia xây dựng chính sách",
        "culture" => english ? "Culture and sport" : "Văn hóa, thể thao",
        "facilities" => english ? "Facilities" : "Thiết chế công đoàn",
        "models" => english ? "Models" : "Mô hình",
        "economy" => english ? "Economy" : "Kinh tế",
        _ => group,
    };

    public static string Sector(string sector, bool english) => Analytics.Warehouse.Vocabulary.Sector.Name(sector, Analytics.Warehouse.Vocabulary.Languages.From(english));

    /// <summary>Rating categories best first (the order of the stacked bars and columns).</summary>
    public static readonly IReadOnlyList<string> Ratings = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"];

    public static string Rating(string rating, bool english) => rating switch
    {
        "xuat_sac" => english ? "Excellent" : "Hoàn thành xuất sắc",
        "tot" => english ? "Good" : "Hoàn thành tốt",
        "hoan_thanh" => english ? "Completed" : "Hoàn thành",
        "khong_hoan_thanh" => english ? "Not completed" : "Không hoàn thành",
        _ => rating,
    };

    public static string CompletenessStatus(string status, bool english) => status switch
    {
        "late" => english ? "late" : "nộp trễ hạn",
        "missing" => english ? "missing" : "chưa nộp",
        _ => status,
    };

    public static string Audience(bool english) => english
        ? "Standing committee and specialised departments of the union; unit officers"
        : "Ban Thường vụ, các ban chuyên đề; cán bộ phụ trách của đơn vị";

    public static string Source(bool english) => english
        ? "Analytics warehouse — submissions of the union units"
        : "Kho dữ liệu Analytics — báo cáo của các cấp công đoàn";
}
