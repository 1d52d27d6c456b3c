using System.Text;

namespace ProbSeg.ML.Data.Readers;

/// <summary>A small RFC 4180 reader: a header line, then rows; fields may be quoted (<c>""</c> escapes a quote);
/// blank lines are skipped. Line numbers are kept for error messages.</summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<(int Line, string[] Fields)> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }
    public List<(int Line, string[] Fields)> Rows { get; }

    /// <summary>Index of the column named <paramref name="name"/> (case-insensitive), or −1.</summary>
    public int Column(string name) => Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    public static CsvTable Parse(string text, char delimiter, string source)
    {
        var records = new List<(int Line, string[] Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, fieldWasQuoted = false;
        int line = 1, recordLine = 1;
        for (int i = 0; i <= text.Length; i++)
        {
            char ch = i < text.Length ? text[i] : '\n';
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else if (i == text.Length) throw new InvalidDataException($"{source}: line {recordLine}: a quoted field is not closed.");
                else { if (ch == '\n') line++; field.Append(ch); }
                continue;
            }
            if (ch == '"' && field.Length == 0 && !fieldWasQuoted) { quoted = fieldWasQuoted = true; continue; }
            if (ch == delimiter || ch == '\n')
            {
                fields.Add(fieldWasQuoted ? field.ToString() : field.ToString().Trim());
                field.Clear();
                fieldWasQuoted = false;
                if (ch == '\n')
                {
                    if (fields.Count > 1 || fields[0].Length > 0) records.Add((recordLine, fields.ToArray()));
                    fields.Clear();
                    line++;
                    recordLine = line;
                }
                continue;
            }
            if (ch != '\r') field.Append(ch);
        }
        if (records.Count == 0) throw new InvalidDataException($"{source}: empty manifest (no header line).");
        return new CsvTable(records[0].Fields, records.Skip(1).ToList());
    }
}
