using System.Text.RegularExpressions;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Neural;

/// <summary>The neural domain's own arguments, checked: the model's name and the task.</summary>
internal static partial class NeuralArguments
{
    /// <summary>The longest model name.</summary>
    public const int MaxModelLength = 100;

    /// <summary>The model's name: required, 1 to <see cref="MaxModelLength"/> letters, digits, '_', '-' and '.'.</summary>
    public static string Model(DomainActionInput input) => input.String("model") is { } model && ModelName().IsMatch(model)
        ? model
        : throw new ArgumentException($"model is required: a name of 1 to {MaxModelLength} letters, digits, '_', '-' or '.', e.g. iris.", "model");

    /// <summary>The task: required, classification or regression.</summary>
    public static NeuralTask Task(DomainActionInput input) => input.String("task") switch
    {
        "classification" => NeuralTask.Classification,
        "regression" => NeuralTask.Regression,
        _ => throw new ArgumentException("task is required: classification or regression.", "task"),
    };

    /// <summary>Whether the arguments give a data set (features or csv).</summary>
    public static bool HasData(DomainActionInput input) =>
        input.Get("features").ValueKind != System.Text.Json.JsonValueKind.Undefined || input.Get("csv").ValueKind != System.Text.Json.JsonValueKind.Undefined;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex ModelName();
}
