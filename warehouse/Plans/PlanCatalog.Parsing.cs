using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Plans;

public sealed partial class PlanCatalog
{
    private static readonly string[] PlanProperties =
        ["plan_id", "number", "document_type", "issuer_code", "issuer_name", "issued_on", "term", "title_vi", "title_en", "source", "note", "targets"];

    private static readonly string[] TargetProperties =
    [
        "id", "group", "text_vi", "text_en", "short_vi", "short_en", "shape", "measure", "indicator", "numerator", "denominator",
        "comparison", "value", "min", "max", "basis", "from_year", "to_year", "due", "sectors", "min_workers",
        "measured", "not_measured_reason", "not_measured_reason_vi", "note",
    ];

    /// <summary>
    /// The longest short name, in letters as a reader counts them: a slide shows it whole beside the
    /// target id, on at most two lines.
    /// </summary>
    public const int MaxShortNameLength = 40;

    private static readonly IReadOnlyList<string> Sectors = Vocabulary.Sector.Codes;
    private static readonly string[] DocumentTypes = ["plan", "directive"];

    private static readonly (TargetComparison Value, string Symbol)[] Comparisons =
    [
        (TargetComparison.AtLeast, ">="), (TargetComparison.MoreThan, ">"), (TargetComparison.AtMost, "<="),
        (TargetComparison.LessThan, "<"), (TargetComparison.Equal, "="), (TargetComparison.Between, "between"),
    ];

    /// <summary>The basis each shape is checked over; the file states it too, so a reader needs no table.</summary>
    private static readonly Dictionary<TargetShape, TargetBasis> BasisOfShape = new()
    {
        [TargetShape.Rate] = TargetBasis.EachYear,
        [TargetShape.Range] = TargetBasis.EachYear,
        [TargetShape.PerUnit] = TargetBasis.EachYear,
        [TargetShape.Cumulative] = TargetBasis.Term,
        [TargetShape.Milestone] = TargetBasis.ByDate,
        [TargetShape.Deadline] = TargetBasis.ByDate,
    };

    private static readonly Dictionary<TargetShape, TargetMeasure[]> MeasuresOfShape = new()
    {
        [TargetShape.Rate] = [TargetMeasure.Share],
        [TargetShape.Range] = [TargetMeasure.Count],
        [TargetShape.PerUnit] = [TargetMeasure.Average],
        [TargetShape.Cumulative] = [TargetMeasure.Count, TargetMeasure.Amount],
        [TargetShape.Milestone] = [TargetMeasure.Share, TargetMeasure.Count, TargetMeasure.Average, TargetMeasure.Amount],
        [TargetShape.Deadline] = [TargetMeasure.Share, TargetMeasure.Count],
    };

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The symbol of a comparison as written in files and in dim_target.</summary>
    public static string Symbol(TargetComparison comparison) => Comparisons.First(c => c.Value == comparison).Symbol;

    /// <summary>
    /// Parses and validates one plan file. Errors are <see cref="PlanFormatException"/>s naming
    /// <paramref name="fileName"/> and the target id.
    /// </summary>
    public static PlanDefinition Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new PlanFormatException($"Plan file '{fileName}': not valid JSON ({e.Message}).");
        }
        using (document)
        {
            var o = new PlanJsonObject(document.RootElement, $"Plan file '{fileName}'");
            var planId = o.RequiredString("plan_id");
            if (!PlanIdPattern().IsMatch(planId))
                throw o.Error($"plan_id '{planId}' may use only letters, digits and '-'");
            o.Where = $"Plan file '{fileName}' (plan {planId})";

            var documentType = o.OptionalString("document_type") ?? "plan";
            if (!DocumentTypes.Contains(documentType))
                throw o.Error($"document_type '{documentType}' is not one of {string.Join(", ", DocumentTypes)}");
            var issuerCode = o.RequiredString("issuer_code");
            var issuedOn = o.OptionalDate("issued_on") ?? throw o.Error("'issued_on' is required");
            var term = o.RequiredString("term");
            var (termStart, termEnd) = ParseTerm(term) ?? throw o.Error($"term '{term}' must be a year (2021) or two years (2021-2025)");

            var plan = new PlanDefinition(
                planId, o.OptionalString("number"), documentType, issuerCode, o.RequiredString("issuer_name"),
                issuedOn, term, termStart, termEnd, o.RequiredString("title_vi"), o.RequiredString("title_en"),
                o.RequiredString("source"), o.OptionalString("note"), fileName, []);

            var targets = new List<TargetDefinition>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var elements = o.Array("targets");
            o.RejectUnknown(PlanProperties);
            for (var i = 0; i < elements.Count; i++)
            {
                var target = ParseTarget(elements[i], plan, i + 1);
                if (!seen.Add(target.Id))
                    throw new PlanFormatException($"Plan file '{fileName}', target '{target.Id}': the id appears twice.");
                targets.Add(target);
            }
            return plan with { Targets = targets };
        }
    }

    private static TargetDefinition ParseTarget(JsonElement element, PlanDefinition plan, int seq)
    {
        var o = new PlanJsonObject(element, $"Plan file '{plan.FileName}', target #{seq}");
        var id = o.RequiredString("id");
        o.Where = $"Plan file '{plan.FileName}', target '{id}'";
        if (!id.StartsWith(plan.PlanId + "-", StringComparison.Ordinal) || !TargetIdPattern().IsMatch(id))
            throw o.Error($"the id must be the plan_id, '-' and a suffix of letters and digits, e.g. '{plan.PlanId}-T{seq:00}'");

        var group = o.RequiredString("group");
        if (!CodePattern().IsMatch(group)) throw o.Error($"group '{group}' must be lower_snake_case");
        var textVi = o.RequiredString("text_vi");
        var textEn = o.RequiredString("text_en");
        var shortVi = ShortName(o, "short_vi");
        var shortEn = ShortName(o, "short_en");
        var shape = ParseName<TargetShape>(o, "shape");
        var measure = ParseName<TargetMeasure>(o, "measure");
        var basis = ParseName<TargetBasis>(o, "basis");

        var indicator = Code(o, "indicator");
        var numerator = Code(o, "numerator");
        var denominator = Code(o, "denominator");
        var measured = o.OptionalBool("measured") ?? true;
        var reason = o.OptionalString("not_measured_reason");
        var reasonVi = o.OptionalString("not_measured_reason_vi");

        var comparisonText = o.OptionalString("comparison") ?? throw o.Error("'comparison' is required");
        var comparison = Comparisons.FirstOrDefault(c => c.Symbol == comparisonText) is { Symbol: not null } found
            ? found.Value
            : throw o.Error($"comparison '{comparisonText}' is not one of {string.Join(", ", Comparisons.Select(c => c.Symbol))}");
        var value = o.OptionalNumber("value");
        var min = o.OptionalNumber("min");
        var max = o.OptionalNumber("max");

        var due = o.OptionalDate("due");
        var fromYear = o.OptionalInt("from_year") ?? plan.TermStart;
        var toYear = o.OptionalInt("to_year") ?? (basis == TargetBasis.ByDate && due is { } d ? d.Year : plan.TermEnd);
        var sectors = o.StringList("sectors");
        var minWorkers = o.OptionalInt("min_workers");
        var note = o.OptionalString("note");
        o.RejectUnknown(TargetProperties);

        if (BasisOfShape[shape] != basis)
            throw o.Error($"a {Name(shape)} target is checked with basis '{Name(BasisOfShape[shape])}', not '{Name(basis)}'");
        if (!MeasuresOfShape[shape].Contains(measure))
            throw o.Error($"a {Name(shape)} target measures {string.Join(" or ", MeasuresOfShape[shape].Select(m => Name(m)))}, not {Name(measure)}");

        if ((numerator is null) != (denominator is null))
            throw o.Error("'numerator' and 'denominator' go together");
        if (indicator is not null && numerator is not null)
            throw o.Error("give either 'indicator' or 'numerator' and 'denominator', not both");
        if (measured && indicator is null && numerator is null)
            throw o.Error("a measured target needs 'indicator' or 'numerator' and 'denominator' (or \"measured\": false with a reason)");
        // Users read why in their language: the reason is given in English and in Vietnamese.
        if (!measured && (reason is null || reasonVi is null))
            throw o.Error("a target with \"measured\": false needs 'not_measured_reason' and 'not_measured_reason_vi'");
        if (measured && (reason is not null || reasonVi is not null))
            throw o.Error("'not_measured_reason' and 'not_measured_reason_vi' are only for targets with \"measured\": false");

        if ((comparison == TargetComparison.Between) != (shape == TargetShape.Range))
            throw o.Error("range targets, and only they, use the comparison 'between'");
        if (comparison == TargetComparison.Between)
        {
            if (min is null || max is null || value is not null)
                throw o.Error("'between' takes 'min' and 'max' and no 'value'");
            if (min > max) throw o.Error($"min {min} is above max {max}");
        }
        else if (value is null || min is not null || max is not null)
        {
            throw o.Error($"comparison '{comparisonText}' takes 'value' and no 'min' or 'max'");
        }
        foreach (var number in new[] { value, min, max }.OfType<double>())
        {
            if (number < 0 || double.IsNaN(number) || double.IsInfinity(number)) throw o.Error($"the target figure {number} must be zero or more");
            if (measure == TargetMeasure.Share && number > 1)
                throw o.Error($"a share is written as a fraction: {number.ToString(CultureInfo.InvariantCulture)} is above 1 (write 0.75 for 75%)");
        }

        if (basis == TargetBasis.ByDate && due is null) throw o.Error("a target checked by date needs 'due' (yyyy-MM-dd)");
        if (basis != TargetBasis.ByDate && due is not null) throw o.Error($"'due' is only for milestone and deadline targets");
        if (fromYear > toYear) throw o.Error($"from_year {fromYear} is after to_year {toYear}");
        if (fromYear < plan.TermStart || toYear > plan.TermEnd)
            throw o.Error($"the years {fromYear}-{toYear} fall outside the plan's term {plan.Term}");
        if (due is { } dueDate && (dueDate.Year < fromYear || dueDate.Year > toYear))
            throw o.Error($"due {dueDate:yyyy-MM-dd} falls outside the years {fromYear}-{toYear}");

        foreach (var sector in sectors)
            if (!Sectors.Contains(sector)) throw o.Error($"sector '{sector}' is not one of {string.Join(", ", Sectors)}");
        if (sectors.Distinct(StringComparer.Ordinal).Count() != sectors.Count) throw o.Error("a sector is listed twice");
        if (minWorkers is <= 0) throw o.Error("min_workers must be at least 1");

        return new TargetDefinition(id, plan.PlanId, seq, group, textVi, textEn, shortVi, shortEn, shape, measure,
            indicator, numerator, denominator, comparison, value, min, max, basis, fromYear, toYear, due,
            sectors, minWorkers, plan.IssuerCode, measured, reason, note, reasonVi);
    }

    // A short name is required and written by hand; it is never cut when shown, so it must be short.
    private static string ShortName(PlanJsonObject o, string name)
    {
        var text = o.RequiredString(name);
        var length = new StringInfo(text).LengthInTextElements;
        if (length > MaxShortNameLength)
            throw o.Error($"'{name}' \"{text}\" has {length} characters, more than {MaxShortNameLength}; write a shorter name");
        return text;
    }

    private static string? Code(PlanJsonObject o, string name)
    {
        var code = o.OptionalString(name);
        if (code is not null && !CodePattern().IsMatch(code))
            throw o.Error($"'{name}' '{code}' is not an indicator code (lower_snake_case, see docs/indicators.md)");
        return code;
    }

    private static TEnum ParseName<TEnum>(PlanJsonObject o, string property) where TEnum : struct, Enum
    {
        var text = o.OptionalString(property) ?? throw o.Error($"'{property}' is required");
        foreach (var value in Enum.GetValues<TEnum>())
            if (Name(value) == text) return value;
        throw o.Error($"{property} '{text}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => Name(v)))}");
    }

    /// <summary>The snake_case name of an enum value as written in files and dim_target (PerUnit: per_unit).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        PascalBoundary().Replace(value.ToString(), "_$1").ToLowerInvariant();

    private static (int Start, int End)? ParseTerm(string term)
    {
        var match = TermPattern().Match(term);
        if (!match.Success) return null;
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : start;
        return end >= start ? (start, end) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanIdPattern();

    [GeneratedRegex("^[A-Za-z0-9-]+-[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(\\d{4})(?:-(\\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TermPattern();

    [GeneratedRegex("(?<!^)([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex PascalBoundary();
}
