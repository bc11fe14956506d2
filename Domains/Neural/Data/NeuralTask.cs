namespace Rayswarm.Domains.Neural;

/// <summary>What a model learns.</summary>
[GenerateSerializer]
public enum NeuralTask
{
    /// <summary>A class per row (two or more classes): multinomial logistic regression.</summary>
    Classification,

    /// <summary>A number per row: linear regression.</summary>
    Regression,
}
