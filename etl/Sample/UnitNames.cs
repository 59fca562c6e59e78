namespace Analytics.Etl.Sample;

/// <summary>Synthetic but plausible Vietnamese names for grassroots unions.</summary>
internal static class UnitNames
{
    private static readonly string[] Brands =
    [
        "Minh Phát", "An Khang", "Hưng Thịnh", "Thành Công", "Đại Việt", "Phú Gia", "Tân Tiến", "Sao Mai",
        "Hòa Bình", "Trường Sơn", "Việt Hàn", "Nam Á", "Kim Long", "Bảo Minh", "Thiên Phúc", "Đông Á",
        "Hồng Hà", "Phúc An", "Quang Trung", "Vạn Xuân", "Tiến Đạt", "Hải Đăng", "Lạc Hồng", "Thăng Long",
    ];

    private static readonly string[] Trades =
    [
        "May mặc", "Giày da", "Điện tử", "Xây dựng", "Thực phẩm", "Cơ khí", "Vận tải", "Dệt may",
        "Chế biến gỗ", "Bao bì", "Nhựa", "Thương mại", "Dược phẩm", "Vật liệu xây dựng", "Logistics",
    ];

    private static readonly string[] Public =
    [
        "Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT", "Trạm Y tế", "UBND xã",
        "UBND phường", "Trung tâm Y tế", "Phòng Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch",
        "Phòng Nội vụ", "Phòng Văn hóa - Thông tin", "Bệnh viện Đa khoa", "Ban Quản lý dự án",
    ];

    private static readonly string[] Places =
    [
        "Bình Minh", "Đông Hòa", "Tân Lập", "Hợp Thành", "Yên Bình", "Quyết Thắng", "Thanh Xuân",
        "Đoàn Kết", "Tiền Phong", "Hồng Phong", "Nam Sơn", "Bắc Sơn", "Phú Lâm", "Đức Giang",
    ];

    public static string Grassroots(SampleRandom rng, string sector, int number) => sector switch
    {
        "public" => $"CĐCS {rng.Pick(Public)} {rng.Pick(Places)}{(rng.Chance(0.3) ? $" số {number % 9 + 1}" : "")}",
        "soe" => $"CĐCS Công ty TNHH MTV {rng.Pick(Trades)} {rng.Pick(Brands)}",
        _ => $"CĐCS Công ty {(rng.Chance(0.6) ? "TNHH" : "Cổ phần")} {rng.Pick(Trades)} {rng.Pick(Brands)}",
    };
}
