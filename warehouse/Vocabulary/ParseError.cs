namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// Why a text could not be parsed, in the two languages users read: Vietnamese (the default)
/// and English (on request).
/// </summary>
public sealed record ParseError(string Vi, string En)
{
    public string In(bool english) => english ? En : Vi;

    public override string ToString() => Vi;
}
