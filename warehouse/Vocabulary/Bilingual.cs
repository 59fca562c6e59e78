namespace Analytics.Warehouse.Vocabulary;

/// <summary>A text users read, in Vietnamese (the default) and English.</summary>
public readonly record struct Bilingual(string Vi, string En)
{
    public string In(bool english) => english ? En : Vi;

    public override string ToString() => Vi;
}
