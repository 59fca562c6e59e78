using System.Runtime.CompilerServices;
using Analytics.Etl.Registry;

namespace Analytics.Etl.Ingest;

/// <summary>A draft after validation: accepted when no message is an error.</summary>
public sealed class ValidatedSubmission
{
    public required SubmissionDraft Draft { get; init; }

    /// <summary>The registry's spelling of the unit code, or the text as sent when unknown.</summary>
    public required string UnitCode { get; init; }

    public UnitRecord? Unit { get; init; }

    /// <summary>The unit's durable key (dim_unit.unit_id), or -1 when the code is unknown.</summary>
    internal int UnitId { get; init; } = -1;

    public PeriodInfo? Period { get; init; }

    /// <summary>The period code, or the text as sent when not understood.</summary>
    public string PeriodCode => Period?.Code ?? Draft.PeriodText;

    /// <summary>The accepted values, at most one per indicator.</summary>
    public List<ParsedValue> Values => _values ??= new(Draft.Values.Count);

    private List<ParsedValue>? _values;

    /// <summary>The value as sent that <paramref name="value"/> was read from.</summary>
    public DraftValue SourceOf(in ParsedValue value) => Draft.Values[value.SourceIndex];

    public List<ValidationMessage> Messages { get; } = [];

    /// <summary>Checked without history so far: the history rules are still to run (see SubmissionValidator).</summary>
    internal bool AwaitsHistory { get; set; }

    public bool Accepted => Messages.TrueForAll(static m => m.Severity != Severity.Error);

    public int ErrorCount => Count(Severity.Error);

    public int WarningCount => Count(Severity.Warning);

    private int Count(Severity severity)
    {
        var n = 0;
        foreach (var m in Messages)
            if (m.Severity == severity) n++;
        return n;
    }

    /// <summary>
    /// SHA-256 of the unit, period and sorted values: the same content sent again is not a new version.
    /// Refused submissions hash their raw text instead.
    /// </summary>
    // The text hashed is "unit|period|code=value|…" (values ordered by code, numbers in round-trip
    // form); it is built in a pooled buffer, as this runs once per submission, but must stay the
    // same text: warehouses keep these hashes to recognise content sent again.
    public string ContentHash() => _contentHash ??= ComputeContentHash();

    // Computed once, where the submission was checked (possibly on a reading thread): the history
    // rules that may run later add warnings only, which change neither the values nor acceptance.
    private string? _contentHash;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ComputeContentHash()
    {
        var text = new HashText();
        try
        {
            text.Append(UnitCode);
            text.Append('|');
            text.Append(PeriodCode);
            if (Accepted)
            {
                Span<int> order = Values.Count <= 64 ? stackalloc int[Values.Count] : new int[Values.Count];
                for (var i = 0; i < order.Length; i++) order[i] = i;
                // Insertion sort by code (ordinal), stable like OrderBy: a submission has a handful of values.
                for (var i = 1; i < order.Length; i++)
                {
                    var current = order[i];
                    var j = i - 1;
                    while (j >= 0 && string.CompareOrdinal(Values[order[j]].Indicator.Code, Values[current].Indicator.Code) > 0)
                    {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = current;
                }
                foreach (var i in order)
                {
                    var v = Values[i];
                    text.Append('|');
                    text.Append(v.Indicator.Code);
                    text.Append('=');
                    if (v.Number is { } number) text.AppendRoundTrip(number);
                    else text.Append(v.Category);
                }
            }
            else
            {
                foreach (var v in Draft.Values)
                {
                    text.Append('|');
                    text.Append(v.IndicatorText);
                    text.Append('=');
                    text.Append(v.ValueText);
                }
            }
            return text.Sha256Hex();
        }
        finally
        {
            text.Dispose();
        }
    }
}
