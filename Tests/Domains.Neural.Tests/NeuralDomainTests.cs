using System.Text.Json;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Neural.Tests;

/// <summary>The neural domain hosted in a real silo: a model is trained by name, predicts, is evaluated on its held-out
/// rows, and survives a silo restart; bad data sets are argument errors.</summary>
public sealed class NeuralDomainTests : IAsyncLifetime
{
    private ModuleSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await ModuleSilo.StartAsync(s => s.AddDomainModule(new NeuralModule()));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_trained_classifier_survives_a_silo_restart_and_predicts_the_same()
    {
        var (features, labels) = GeneratedData.Blobs(100, seed: 11, ("setosa", [-3, 0]), ("virginica", [3, 0]));
        var trained = await Execute("train", new { model = "blobs", task = "classification", features, labels, test_fraction = 0.25, seed = 3 });
        var before = await Execute("predict", new { model = "blobs", features = new[] { new[] { -3f, 0f }, [3f, 0f] } });

        await _silo.RestartAsync();

        var after = await Execute("predict", new { model = "blobs", features = new[] { new[] { -3f, 0f }, [3f, 0f] } });
        Assert.Equal(before.GetRawText(), after.GetRawText());
        var predictions = after.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(["setosa", "virginica"], predictions.Select(p => p.GetProperty("class").GetString()));
        Assert.True(predictions[0].GetProperty("probabilities").GetProperty("setosa").GetDouble() > 0.9);
        Assert.Equal(50, trained.GetProperty("test_rows").GetInt32());
        Assert.Equal(150, trained.GetProperty("train_rows").GetInt32());
        var evaluated = await Execute("evaluate", new { model = "blobs" });
        Assert.Equal("held_out", evaluated.GetProperty("on").GetString());
        Assert.Equal(50, evaluated.GetProperty("rows").GetInt32());
        Assert.Equal(trained.GetProperty("held_out").GetProperty("accuracy").GetDouble(), evaluated.GetProperty("accuracy").GetDouble());
        Assert.True(evaluated.GetProperty("accuracy").GetDouble() >= 0.95, evaluated.GetRawText());
    }

    [Fact]
    public async Task A_regressor_trained_from_csv_reports_its_held_out_rmse_and_is_listed()
    {
        var (features, values) = GeneratedData.Linear(400, noise: 0.5, seed: 12);
        var csv = "a,b,c,y\n" + string.Join("\n", features.Select((f, i) => string.Join(',', f.Append(values[i]).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));

        var trained = await Execute("train", new { model = "linear", task = "regression", csv, label_column = "y" });
        var predicted = await Execute("predict", new { model = "linear", features = new[] { 1f, 1f, 1f } });
        var models = await Execute("models", new { });

        Assert.Equal(["a", "b", "c"], trained.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.True(trained.GetProperty("held_out").GetProperty("rmse").GetDouble() < 0.75, trained.GetRawText());
        Assert.Equal(80, trained.GetProperty("test_rows").GetInt32()); // the default fraction, 0.2
        // y(1, 1, 1) = 3 − 2 + 0.5 + 5 = 6.5
        Assert.Equal(6.5, predicted.GetProperty("predictions")[0].GetProperty("value").GetDouble(), 0.5);
        Assert.Contains("linear", models.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task Bad_data_sets_and_unknown_models_are_argument_errors()
    {
        float[][] rows = [.. Enumerable.Range(0, 12).Select(i => new[] { (float)i })];

        var oneClass = await Assert.ThrowsAsync<ArgumentException>(() =>
            Execute("train", new { model = "m", task = "classification", features = rows, labels = rows.Select(_ => "x") }));
        var noTask = await Assert.ThrowsAsync<ArgumentException>(() => Execute("train", new { model = "m", features = rows, labels = rows.Select(r => r[0]) }));
        var untrained = await Assert.ThrowsAsync<ArgumentException>(() => Execute("predict", new { model = "never", features = new[] { 1f } }));
        var badName = await Assert.ThrowsAsync<ArgumentException>(() => Execute("evaluate", new { model = "no spaces" }));

        Assert.Equal("labels", oneClass.ParamName);
        Assert.Equal("task", noTask.ParamName);
        Assert.Equal("model", untrained.ParamName);
        Assert.Equal("model", badName.ParamName);
    }

    [Fact]
    public async Task Predicting_rows_of_another_width_than_the_model_is_an_argument_error()
    {
        var (features, values) = GeneratedData.Linear(50, noise: 0.1, seed: 13);
        await Execute("train", new { model = "width", task = "regression", features, labels = values });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Execute("predict", new { model = "width", features = new[] { new[] { 1f, 2f } } }));

        Assert.Contains("ragged", error.Message, StringComparison.Ordinal);
    }

    private Task<JsonElement> Execute(string action, object arguments) => _silo.ExecuteAsync(NeuralDomainGrain.DomainId, action, arguments);
}
