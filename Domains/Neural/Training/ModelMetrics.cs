namespace Rayswarm.Domains.Neural;

/// <summary>How well a model does on rows it was not trained on.</summary>
/// <param name="Rows">The rows it was evaluated on.</param>
/// <param name="Accuracy">The fraction of rows classified right (classification), else null.</param>
/// <param name="BaselineAccuracy">The accuracy of always answering the most frequent class of those rows (classification).</param>
/// <param name="Rmse">The root mean squared error (regression), else null.</param>
/// <param name="BaselineRmse">The RMSE of always answering the mean of those rows' values (regression): their standard deviation.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.neural.ModelMetrics")]
public sealed record ModelMetrics(int Rows, double? Accuracy, double? BaselineAccuracy, double? Rmse, double? BaselineRmse);
