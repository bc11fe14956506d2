using System.Globalization;
using System.Text.Json;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Neural;

/// <summary>
/// Reads a data set given inline: <c>{"features": [[…], …], "labels": […]}</c> or <c>{"csv": "…", "label_column": "…"}</c>
/// (a header line, then one row per line, comma-separated, no quoting; every column but the label is a numeric feature).
/// Throws <see cref="ArgumentException"/> naming the field for ragged rows, a value that is not a finite number, mismatched
/// lengths, too few or too many rows, and (classification) a single class.
/// </summary>
public static class DataSetReader
{
    /// <summary>Reads the data set of an action's arguments (<paramref name="data"/>) for <paramref name="task"/>.</summary>
    public static DataSet Read(DomainActionInput data, NeuralTask task)
    {
        var csv = Field(data, "csv");
        var features = Field(data, "features");
        if (csv.ValueKind != JsonValueKind.Undefined && features.ValueKind != JsonValueKind.Undefined)
        {
            throw new ArgumentException("give either features and labels, or csv and label_column, not both.", "csv");
        }
        if (csv.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String)) { throw new ArgumentException("csv must be a string.", "csv"); }
        (float[][] rows, List<string> labels, string[]? names) = csv.ValueKind == JsonValueKind.String
            ? ReadCsv(csv.GetString()!, Field(data, "label_column"))
            : (Rows(features, "features", null), LabelCells(Field(data, "labels")), null);
        if (labels.Count != rows.Length)
        {
            throw new ArgumentException($"labels must have one label per row: {labels.Count} labels for {rows.Length} rows.", "labels");
        }
        if (rows.Length < DataSetLimits.MinRows)
        {
            throw new ArgumentException($"the data set needs at least {DataSetLimits.MinRows} rows (has {rows.Length}).", "features");
        }
        var featureNames = names ?? [.. Enumerable.Range(0, rows[0].Length).Select(i => $"f{i}")];
        return task == NeuralTask.Classification ? Classes(rows, labels, featureNames) : Values(rows, labels, featureNames);
    }

    /// <summary>Rows of numbers: an array of arrays of one length (<paramref name="width"/>, when given), at most
    /// <see cref="DataSetLimits.MaxRows"/>; with <paramref name="width"/> given, one row may be passed alone.</summary>
    public static float[][] Rows(JsonElement features, string field, int? width)
    {
        if (features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
        {
            throw new ArgumentException($"{field} is required: an array of rows, each an array of numbers.", field);
        }
        if (width is not null && features[0].ValueKind == JsonValueKind.Number) { return [Row(features, field, width)]; }
        if (features.GetArrayLength() > DataSetLimits.MaxRows)
        {
            throw new ArgumentException($"{field} must have at most {DataSetLimits.MaxRows} rows (has {features.GetArrayLength()}).", field);
        }
        var rows = new float[features.GetArrayLength()][];
        var i = 0;
        foreach (var row in features.EnumerateArray())
        {
            rows[i] = Row(row, $"{field}[{i}]", width ?? (i == 0 ? null : rows[0].Length));
            i++;
        }
        return rows;
    }

    private static float[] Row(JsonElement row, string field, int? width)
    {
        if (row.ValueKind != JsonValueKind.Array) { throw new ArgumentException($"{field} must be an array of numbers.", field); }
        var length = row.GetArrayLength();
        if (width is { } expected && length != expected)
        {
            throw new ArgumentException($"{field} has {length} values, but the rows have {expected}: rows must not be ragged.", field);
        }
        if (length is 0 or > DataSetLimits.MaxFeatures)
        {
            throw new ArgumentException($"{field} must have 1 to {DataSetLimits.MaxFeatures} values (has {length}).", field);
        }
        var values = new float[length];
        var j = 0;
        foreach (var value in row.EnumerateArray())
        {
            values[j] = value.ValueKind == JsonValueKind.Number
                ? Finite(value.GetDouble(), $"{field}[{j}]")
                : throw new ArgumentException($"{field}[{j}] must be a number (was {value.ValueKind.ToString().ToLowerInvariant()}).", field);
            j++;
        }
        return values;
    }

    private static List<string> LabelCells(JsonElement labels)
    {
        if (labels.ValueKind != JsonValueKind.Array) { throw new ArgumentException("labels is required: an array with one label per row.", "labels"); }
        return [.. labels.EnumerateArray().Select((label, i) => label.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(label.GetString()) => label.GetString()!,
            JsonValueKind.Number => label.GetRawText(),
            _ => throw new ArgumentException($"labels[{i}] must be a number or a non-empty string.", "labels"),
        })];
    }

    private static (float[][] Rows, List<string> Labels, string[] Names) ReadCsv(string csv, JsonElement labelColumn)
    {
        var column = labelColumn.ValueKind == JsonValueKind.String ? labelColumn.GetString()! : throw new ArgumentException("label_column is required with csv: the header of the label column.", "label_column");
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) { throw new ArgumentException("csv is empty: it needs a header line and rows.", "csv"); }
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var labelIndex = Array.IndexOf(header, column);
        if (labelIndex < 0) { throw new ArgumentException($"label_column '{column}' is not a column of the csv (its columns: {string.Join(", ", header)}).", "label_column"); }
        if (header.Length < 2 || header.Length - 1 > DataSetLimits.MaxFeatures)
        {
            throw new ArgumentException($"csv must have 1 to {DataSetLimits.MaxFeatures} feature columns besides the label (has {header.Length - 1}).", "csv");
        }
        if (lines.Count - 1 > DataSetLimits.MaxRows) { throw new ArgumentException($"csv must have at most {DataSetLimits.MaxRows} rows (has {lines.Count - 1}).", "csv"); }
        var rows = new float[lines.Count - 1][];
        var labels = new List<string>(rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = lines[r + 1].Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != header.Length)
            {
                throw new ArgumentException($"csv line {r + 2} has {cells.Length} cells, but the header has {header.Length}: rows must not be ragged.", "csv");
            }
            labels.Add(cells[labelIndex].Length > 0 ? cells[labelIndex] : throw new ArgumentException($"csv line {r + 2} has no label.", "csv"));
            rows[r] = [.. cells.Where((_, c) => c != labelIndex).Select((cell, c) =>
                double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? Finite(value, $"csv line {r + 2}, column {c + 1}")
                    : throw new ArgumentException($"csv line {r + 2}: '{cell}' is not a number.", "csv"))];
        }
        return (rows, labels, [.. header.Where((_, c) => c != labelIndex)]);
    }

    private static DataSet Classes(float[][] rows, List<string> labels, string[] names)
    {
        var classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw new ArgumentException($"a classification needs at least two classes; every label is '{classes[0]}'.", "labels");
        }
        if (classes.Length > DataSetLimits.MaxClasses)
        {
            throw new ArgumentException($"a classification may have at most {DataSetLimits.MaxClasses} classes (has {classes.Length}).", "labels");
        }
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (float)p.i, StringComparer.Ordinal);
        return new DataSet(rows, [.. labels.Select(l => index[l])], classes, names);
    }

    private static DataSet Values(float[][] rows, List<string> labels, string[] names) =>
        new(rows, [.. labels.Select((l, i) => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? Finite(v, $"labels[{i}]")
            : throw new ArgumentException($"labels[{i}] must be a number for a regression (was '{l}').", "labels"))], [], names);

    private static float Finite(double value, string field) =>
        double.IsFinite(value) && float.IsFinite((float)value)
            ? (float)value
            : throw new ArgumentException($"{field} must be a finite number (was {value.ToString(CultureInfo.InvariantCulture)}).", field);

    private static JsonElement Field(DomainActionInput data, string name) =>
        data.Get(name) is { ValueKind: not JsonValueKind.Null } value ? value : default;
}
