using Analytics.Warehouse.Vocabulary;
namespace Analytics.Etl.Registry;

/// <summary>Why a registry file was refused: the row (null for a row already in the warehouse), the unit and the reason.</summary>
public sealed record RegistryIssue(int? Row, string? UnitCode, Bilingual Reason)
{
    public string Format(string file, bool english)
    {
        var where = Row is { } r ? (english ? $"line {r}" : $"dòng {r}") : (english ? "warehouse registry" : "danh mục hiện có");
        var unit = UnitCode is null ? "" : $" ({UnitCode})";
        return $"{Path.GetFileName(file)}, {where}{unit}: {Reason.In(english)}";
    }
}
