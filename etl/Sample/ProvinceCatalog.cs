namespace Analytics.Etl.Sample;

/// <summary>
/// The 63 provinces and cities before the 2025 merger, with the merger map of Resolution 202/2025/QH15
/// (63 → 34, effective 1 July 2025). District counts are approximate; weights are rough shares of the
/// country's grassroots unions (industrial provinces weigh more). Figures are synthetic.
/// </summary>
internal static class ProvinceCatalog
{
    public static readonly IReadOnlyList<ProvinceSpec> All =
    [
        P("HNI", "LĐLĐ Thành phố Hà Nội", 30, 12.0, null, zones: true),
        P("HCM", "LĐLĐ Thành phố Hồ Chí Minh", 22, 14.0, null, zones: true),
        P("HPG", "LĐLĐ thành phố Hải Phòng", 15, 3.2, null, zones: true),
        P("DNG", "LĐLĐ thành phố Đà Nẵng", 8, 1.8, null, zones: true),
        P("CTO", "LĐLĐ thành phố Cần Thơ", 9, 1.3, null),
        P("HUE", "LĐLĐ thành phố Huế", 9, 1.1, null),
        P("HGG", "LĐLĐ tỉnh Hà Giang", 11, 0.6, "TQG"),
        P("CBG", "LĐLĐ tỉnh Cao Bằng", 10, 0.6, null, direct: true),
        P("BKN", "LĐLĐ tỉnh Bắc Kạn", 8, 0.4, "TNN"),
        P("TQG", "LĐLĐ tỉnh Tuyên Quang", 7, 0.7, null),
        P("LCI", "LĐLĐ tỉnh Lào Cai", 9, 0.8, null),
        P("YBI", "LĐLĐ tỉnh Yên Bái", 9, 0.7, "LCI"),
        P("TNN", "LĐLĐ tỉnh Thái Nguyên", 9, 1.5, null, zones: true),
        P("LSN", "LĐLĐ tỉnh Lạng Sơn", 11, 0.7, null, direct: true),
        P("BGG", "LĐLĐ tỉnh Bắc Giang", 10, 2.0, "BNH", zones: true),
        P("PTO", "LĐLĐ tỉnh Phú Thọ", 13, 1.3, null),
        P("VPC", "LĐLĐ tỉnh Vĩnh Phúc", 9, 1.4, "PTO", zones: true),
        P("QNH", "LĐLĐ tỉnh Quảng Ninh", 13, 1.8, null, zones: true),
        P("BNH", "LĐLĐ tỉnh Bắc Ninh", 8, 2.4, null, zones: true),
        P("HDG", "LĐLĐ tỉnh Hải Dương", 12, 1.8, "HPG", zones: true),
        P("HYN", "LĐLĐ tỉnh Hưng Yên", 10, 1.4, null, zones: true),
        P("TBH", "LĐLĐ tỉnh Thái Bình", 8, 1.2, "HYN"),
        P("HNM", "LĐLĐ tỉnh Hà Nam", 6, 0.9, "NBH", zones: true),
        P("NDH", "LĐLĐ tỉnh Nam Định", 10, 1.3, "NBH"),
        P("NBH", "LĐLĐ tỉnh Ninh Bình", 8, 1.0, null),
        P("HBH", "LĐLĐ tỉnh Hòa Bình", 10, 0.7, "PTO"),
        P("SLA", "LĐLĐ tỉnh Sơn La", 12, 0.8, null, direct: true),
        P("LCH", "LĐLĐ tỉnh Lai Châu", 8, 0.4, null),
        P("DBN", "LĐLĐ tỉnh Điện Biên", 10, 0.5, null, direct: true),
        P("THA", "LĐLĐ tỉnh Thanh Hóa", 27, 2.8, null, zones: true),
        P("NAN", "LĐLĐ tỉnh Nghệ An", 21, 2.3, null, zones: true),
        P("HTH", "LĐLĐ tỉnh Hà Tĩnh", 13, 1.0, null),
        P("QBH", "LĐLĐ tỉnh Quảng Bình", 8, 0.7, "QTR"),
        P("QTR", "LĐLĐ tỉnh Quảng Trị", 10, 0.6, null),
        P("QNM", "LĐLĐ tỉnh Quảng Nam", 18, 1.3, "DNG", zones: true),
        P("QNG", "LĐLĐ tỉnh Quảng Ngãi", 13, 1.0, null, zones: true),
        P("KTM", "LĐLĐ tỉnh Kon Tum", 10, 0.5, "QNG"),
        P("BDH", "LĐLĐ tỉnh Bình Định", 11, 1.1, "GLI"),
        P("GLI", "LĐLĐ tỉnh Gia Lai", 17, 1.0, null),
        P("PYN", "LĐLĐ tỉnh Phú Yên", 9, 0.6, "DLK"),
        P("DLK", "LĐLĐ tỉnh Đắk Lắk", 15, 1.2, null),
        P("KHA", "LĐLĐ tỉnh Khánh Hòa", 9, 1.0, null),
        P("NTN", "LĐLĐ tỉnh Ninh Thuận", 7, 0.4, "KHA"),
        P("DNO", "LĐLĐ tỉnh Đắk Nông", 8, 0.4, "LDG"),
        P("LDG", "LĐLĐ tỉnh Lâm Đồng", 12, 0.9, null),
        P("BTN", "LĐLĐ tỉnh Bình Thuận", 10, 0.8, "LDG"),
        P("BPC", "LĐLĐ tỉnh Bình Phước", 11, 0.9, "DNI", zones: true),
        P("TNH", "LĐLĐ tỉnh Tây Ninh", 9, 1.0, null, zones: true),
        P("BDG", "LĐLĐ tỉnh Bình Dương", 9, 4.5, "HCM", zones: true),
        P("DNI", "LĐLĐ tỉnh Đồng Nai", 11, 4.0, null, zones: true),
        P("BRV", "LĐLĐ tỉnh Bà Rịa - Vũng Tàu", 8, 1.3, "HCM", zones: true),
        P("LAN", "LĐLĐ tỉnh Long An", 15, 1.8, "TNH", zones: true),
        P("TGG", "LĐLĐ tỉnh Tiền Giang", 11, 1.1, "DTP", zones: true),
        P("BTE", "LĐLĐ tỉnh Bến Tre", 9, 0.8, "VLG"),
        P("TVH", "LĐLĐ tỉnh Trà Vinh", 9, 0.6, "VLG"),
        P("VLG", "LĐLĐ tỉnh Vĩnh Long", 8, 0.6, null),
        P("DTP", "LĐLĐ tỉnh Đồng Tháp", 12, 0.9, null),
        P("AGG", "LĐLĐ tỉnh An Giang", 11, 1.0, null),
        P("KGG", "LĐLĐ tỉnh Kiên Giang", 15, 0.9, "AGG"),
        P("HUG", "LĐLĐ tỉnh Hậu Giang", 8, 0.5, "CTO"),
        P("STG", "LĐLĐ tỉnh Sóc Trăng", 11, 0.6, "CTO"),
        P("BLU", "LĐLĐ tỉnh Bạc Liêu", 7, 0.4, "CMU"),
        P("CMU", "LĐLĐ tỉnh Cà Mau", 9, 0.6, null),
    ];

    public static ProvinceSpec Get(string code) => All.First(p => p.Code == code);

    private static ProvinceSpec P(string code, string name, int districts, double weight, string? into,
        bool direct = false, bool zones = false) =>
        new(code, name, districts, weight, into, direct, zones);
}
