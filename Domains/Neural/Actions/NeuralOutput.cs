using System.Text.Json;

namespace Rayswarm.Domains.Neural;

/// <summary>The actions' outputs as JSON (snake_case, as the gateway writes).</summary>
internal static class NeuralOutput
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonElement Summary(ModelSummary summary) => Of(Describe(summary));

    public static JsonElement Predictions(ModelSummary summary, IReadOnlyList<Prediction> predictions) => Of(new
    {
        model = summary.Model,
        task = Name(summary.Task),
        count = predictions.Count,
        predictions = predictions.Select(p => p.Class is { } c
            ? (object)new
            {
                @class = summary.Classes[c],
                probabilities = summary.Classes.Select((name, i) => (name, p: Math.Round(p.Probabilities![i], 6))).ToDictionary(x => x.name, x => x.p),
            }
            : new { value = p.Value }),
    });

    public static JsonElement Metrics(ModelSummary summary, ModelMetrics metrics, bool heldOut) => Of(new
    {
        model = summary.Model,
        task = Name(summary.Task),
        on = heldOut ? "held_out" : "given",
        test_fraction = heldOut ? summary.TestFraction : (double?)null,
        seed = heldOut ? summary.Seed : (int?)null,
        metrics.Rows,
        metrics.Accuracy,
        metrics.BaselineAccuracy,
        metrics.Rmse,
        metrics.BaselineRmse,
    });

    public static JsonElement Models(IReadOnlyList<ModelSummary> models) => Of(new { count = models.Count, models = models.Select(Describe) });

    private static object Describe(ModelSummary s) => new
    {
        model = s.Model,
        task = Name(s.Task),
        features = s.Features,
        classes = s.Classes,
        train_rows = s.TrainRows,
        test_rows = s.HeldOut.Rows,
        test_fraction = s.TestFraction,
        seed = s.Seed,
        held_out = new { s.HeldOut.Accuracy, s.HeldOut.BaselineAccuracy, s.HeldOut.Rmse, s.HeldOut.BaselineRmse },
        trained_at = s.TrainedAt,
        train_ms = s.TrainMilliseconds,
    };

    private static string Name(NeuralTask task) => task.ToString().ToLowerInvariant();

    private static JsonElement Of(object value) => JsonSerializer.SerializeToElement(value, s_json);
}
