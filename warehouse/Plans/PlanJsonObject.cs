using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analytics.Warehouse.Plans;

/// <summary>
/// Typed, checked access to one JSON object of a plan file. Every error names where it is
/// (file, and target when inside one), and properties nobody asked for are reported as typos.
/// </summary>
internal sealed class PlanJsonObject
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public PlanJsonObject(JsonElement element, string where)
    {
        Where = where;
        if (element.ValueKind != JsonValueKind.Object) throw Error("expected a JSON object");
        _element = element;
    }

    /// <summary>"Plan file 'x.json'" or "Plan file 'x.json', target '002-T05'".</summary>
    public string Where { get; set; }

    public PlanFormatException Error(string problem) => new($"{Where}: {problem}.");

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) throw Error($"'{name}' must be a string");
        var text = value.GetString()!.Trim().Normalize(NormalizationForm.FormC);
        return text.Length == 0 ? null : text;
    }

    public string RequiredString(string name) => OptionalString(name) ?? throw Error($"'{name}' is required");

    public double? OptionalNumber(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number)
            throw Error($"'{name}' must be a JSON number (write 0.75, not \"75%\")");
        return value.GetDouble();
    }

    public int? OptionalInt(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw Error($"'{name}' must be a whole number");
        return number;
    }

    public bool? OptionalBool(string name)
    {
        if (!TryGet(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"'{name}' must be true or false"),
        };
    }

    public DateOnly? OptionalDate(string name)
    {
        var text = OptionalString(name);
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error($"'{name}' must be a date written yyyy-MM-dd, not '{text}'");
    }

    public List<string> StringList(string name)
    {
        var list = new List<string>();
        if (!TryGet(name, out var value)) return list;
        if (value.ValueKind != JsonValueKind.Array) throw Error($"'{name}' must be a list of strings");
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw Error($"'{name}' must be a list of strings");
            list.Add(item.GetString()!.Trim());
        }
        return list;
    }

    public List<JsonElement> Array(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind != JsonValueKind.Array)
            throw Error($"'{name}' must be a list (use [] for none)");
        return [.. value.EnumerateArray()];
    }

    /// <summary>Throws on the first property no getter read: almost always a misspelt name.</summary>
    public void RejectUnknown(IEnumerable<string> allowed)
    {
        foreach (var property in _element.EnumerateObject())
            if (!_read.Contains(property.Name))
                throw Error($"unknown property '{property.Name}' (allowed: {string.Join(", ", allowed)})");
    }

    private bool TryGet(string name, out JsonElement value)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }
}
