using System.Text;

namespace Analytics.Warehouse.ReferenceData;

/// <summary>
/// A small RFC 4180 reader for the catalog file: comma-separated, fields optionally in double
/// quotes, "" for a quote inside quotes, line breaks allowed inside quotes, CRLF or LF.
/// The catalog is tiny and trusted-but-reviewed, so this favours exact error positions over speed.
/// </summary>
internal static class CatalogCsv
{
    /// <summary>Records with the 1-based line each starts on; blank lines are skipped.</summary>
    public static List<(int Line, List<string> Fields)> Read(string text, string source)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedField = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            quotedField = false;
        }

        void EndRecord()
        {
            EndField();
            if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add((recordLine, fields));
            fields = [];
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case '"':
                    throw new InvalidDataException($"{source}, line {line}: a quote inside an unquoted field; quote the whole field and double the quote.");
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (quotedField)
                        throw new InvalidDataException($"{source}, line {line}: text after a closing quote.");
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes) throw new InvalidDataException($"{source}, line {recordLine}: a quoted field is never closed.");
        if (field.Length > 0 || fields.Count > 0 || quotedField) EndRecord();
        return records;
    }
}
