namespace Rayswarm.Domains.Neural;

/// <summary>A model's answer for one row: a class with the probability of each class, or a value.</summary>
/// <param name="Class">The predicted class's index (classification), else null.</param>
/// <param name="Probabilities">The probability of each class, in class order (classification), else null.</param>
/// <param name="Value">The predicted value (regression), else null.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.neural.Prediction")]
public sealed record Prediction(int? Class, float[]? Probabilities, float? Value);
