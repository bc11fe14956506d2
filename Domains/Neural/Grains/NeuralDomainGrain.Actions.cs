using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Neural;

/// <summary>The neural domain's actions, their descriptions and input schemas.</summary>
public sealed partial class NeuralDomainGrain
{
    private const string Train = "train";
    private const string Predict = "predict";
    private const string Evaluate = "evaluate";
    private const string Models = "models";

    private static readonly string ModelSchema =
        """
        "model":{"type":"string","pattern":"^[A-Za-z0-9_.-]+$","minLength":1,"maxLength":
        """ + NeuralArguments.MaxModelLength + """
        ,"description":"The model's name, e.g. iris."}
        """;

    private static readonly string RowsSchema =
        $$$"""
        "features":{"type":"array","minItems":1,"maxItems":{{{DataSetLimits.MaxRows}}},"items":{"type":"array","minItems":1,"maxItems":{{{DataSetLimits.MaxFeatures}}},"items":{"type":"number"}},"description":"The rows: one array of numbers per example, all of one length."}
        """;

    private static readonly string DataSetSchema = RowsSchema + ",\n" +
        """
        "labels":{"type":"array","items":{"type":["string","number"]},"description":"One label per row: a class (string or number) or, for a regression, a number."},
        "csv":{"type":"string","description":"Instead of features and labels: a header line, then one row per line, comma-separated (no quoting); every column but label_column is a numeric feature."},
        "label_column":{"type":"string","description":"With csv: the header of the label column."}
        """;

    private static readonly IReadOnlyList<DomainActionInfo> s_actions =
    [
        new(Train,
            "Trains a model on a small numeric data set given inline ({features, labels} or {csv, label_column}) and keeps it " +
            "under its name (replacing an earlier one); it survives restarts. classification: multinomial logistic regression " +
            "(ML.NET L-BFGS maximum entropy) with a probability per class; regression: linear regression (ML.NET SDCA); features " +
            "are standardized first. A seeded test_fraction of the rows is held out and scored. Returns {model, task, features, " +
            "classes, train_rows, test_rows, test_fraction, seed, held_out: {accuracy, baseline_accuracy | rmse, baseline_rmse}, " +
            $"trained_at, train_ms}}. Needs {DataSetLimits.MinRows} to {DataSetLimits.MaxRows} rows, finite numbers, two classes or more.",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["model","task"],"properties":{
            {{{ModelSchema}}},
            "task":{"type":"string","enum":["classification","regression"],"description":"What to learn: a class or a number per row."},
            {{{DataSetSchema}}},
            "test_fraction":{"type":"number","minimum":0.05,"maximum":0.5,"default":{{{HeldOutSplit.DefaultFraction}}},"description":"The fraction of rows held out for evaluation."},
            "seed":{"type":"integer","default":{{{HeldOutSplit.DefaultSeed}}},"description":"Seeds the held-out split and training."}
            }
            }
            """,
            Compensable: false),
        new(Predict,
            "Predicts with a trained model: for each row, {class, probabilities: {class: p}} (classification) or {value} " +
            "(regression). Returns {model, task, count, predictions}. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["model","features"],"properties":{
            {{{ModelSchema}}},
            "features":{"type":"array","minItems":1,"description":"The rows to predict (arrays of numbers), or one row."}
            }
            }
            """,
            Compensable: false,
            ReadOnly: true),
        new(Evaluate,
            "Evaluates a trained model: accuracy (classification) or RMSE (regression), with the baseline of always answering " +
            "the most frequent class or the mean. On the rows held out at training (seeded, test_fraction), or on a data set " +
            "given as for train. Returns {model, task, on, test_fraction, seed, rows, accuracy, baseline_accuracy | rmse, " +
            "baseline_rmse}. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["model"],"properties":{
            {{{ModelSchema}}},
            {{{DataSetSchema}}}
            }
            }
            """,
            Compensable: false,
            ReadOnly: true),
        new(Models,
            "Lists the trained models with their task, features, classes and held-out scores: {count, models}. Read-only.",
            """{"type":"object","additionalProperties":false,"properties":{}}""",
            Compensable: false,
            ReadOnly: true),
    ];
}
