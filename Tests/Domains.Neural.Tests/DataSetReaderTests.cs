using System.Text.Json;

namespace Rayswarm.Domains.Neural.Tests;

/// <summary>Data sets given inline: both forms read the same, and every bad one is a clear <see cref="ArgumentException"/>.</summary>
public sealed class DataSetReaderTests
{
    private static readonly float[][] s_rows = [.. Enumerable.Range(0, 12).Select(i => new[] { i, i * 2f })];

    [Fact]
    public void A_csv_reads_as_the_same_data_set_as_features_and_labels()
    {
        var csv = "x, y ,kind\n" + string.Join("\n", s_rows.Select((r, i) => $"{r[0]},{r[1]},{(i % 2 == 0 ? "even" : "odd")}")) + "\n";
        var labels = s_rows.Select((_, i) => i % 2 == 0 ? "even" : "odd").ToArray();

        var fromCsv = DataSetReader.Read(Json(new { csv, label_column = "kind" }), NeuralTask.Classification);
        var fromArrays = DataSetReader.Read(GeneratedData.Arguments(s_rows, labels), NeuralTask.Classification);

        Assert.Equal(["x", "y"], fromCsv.FeatureNames);
        Assert.Equal(["f0", "f1"], fromArrays.FeatureNames);
        Assert.Equal(["even", "odd"], fromCsv.Classes);
        Assert.Equal(fromArrays.Labels, fromCsv.Labels);
        Assert.Equal(fromArrays.Features, fromCsv.Features);
    }

    [Fact]
    public void A_data_set_with_one_class_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DataSetReader.Read(GeneratedData.Arguments(s_rows, s_rows.Select(_ => "same").ToArray()), NeuralTask.Classification));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains("at least two classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ragged_rows_are_refused_naming_the_row()
    {
        float[][] rows = [.. s_rows.Take(5), [1f], .. s_rows.Skip(6)];

        var error = Assert.Throws<ArgumentException>(() => DataSetReader.Read(GeneratedData.Arguments(rows, Labels(12)), NeuralTask.Regression));

        Assert.Equal("features[5]", error.ParamName);
        Assert.Contains("ragged", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    public void A_value_that_is_not_a_finite_number_is_refused(string value)
    {
        var csv = "a,b,label\n" + string.Join("\n", Enumerable.Range(0, 12).Select(i => $"{(i == 3 ? value : i)},{i},{i}"));

        var error = Assert.Throws<ArgumentException>(() => DataSetReader.Read(Json(new { csv, label_column = "label" }), NeuralTask.Regression));

        Assert.Contains("csv line 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_rows_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DataSetReader.Read(GeneratedData.Arguments(s_rows[..9], Labels(9)), NeuralTask.Regression));

        Assert.Contains($"at least {DataSetLimits.MinRows} rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_of_another_length_than_the_rows_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSetReader.Read(GeneratedData.Arguments(s_rows, Labels(11)), NeuralTask.Regression));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains("11 labels for 12 rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"features": [[1, "2"]], "labels": [1]}""", "features[0]")]
    [InlineData("""{"labels": [1]}""", "features")]
    [InlineData("""{"features": [[1]]}""", "labels")]
    [InlineData("""{"csv": "a,b\n1,2", "label_column": "c"}""", "label_column")]
    [InlineData("""{"csv": "a,b\n1,2"}""", "label_column")]
    [InlineData("""{"csv": "a,b\n1,2,3", "label_column": "b"}""", "csv")]
    [InlineData("""{"csv": "a,b\n1,2", "features": [[1]], "labels": [1]}""", "csv")]
    public void Malformed_data_sets_name_the_field_at_fault(string json, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => DataSetReader.Read(GeneratedData.Input(JsonDocument.Parse(json).RootElement), NeuralTask.Regression));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_regression_needs_numeric_labels()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DataSetReader.Read(GeneratedData.Arguments(s_rows, s_rows.Select((_, i) => i == 4 ? "four" : "1").ToArray()), NeuralTask.Regression));

        Assert.Contains("labels[4]", error.Message, StringComparison.Ordinal);
    }

    private static float[] Labels(int count) => [.. Enumerable.Range(0, count).Select(i => (float)i)];

    private static Grains.DomainActionInput Json(object value) => GeneratedData.Input(value);
}
