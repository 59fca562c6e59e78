namespace Analytics.Etl.Sample;

/// <summary>RFC 4180 quoting for the CSV files the sample writes.</summary>
internal static class Csv
{
    public static string Quote(string field, char delimiter) =>
        field.Contains(delimiter, StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
        || field.Contains('\n', StringComparison.Ordinal) || field.Contains('\r', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
