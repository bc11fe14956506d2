using System.Text.Json;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Neural.Tests;

/// <summary>Data sets the tests generate from a seed: Gaussian blobs (one per class) and a noisy linear function.</summary>
public static class GeneratedData
{
    /// <summary>The coefficients of <see cref="Linear"/>: y = 3·x0 − 2·x1 + 0.5·x2 + 5 + noise.</summary>
    public static readonly double[] Weights = [3, -2, 0.5];

    public const double Intercept = 5;

    /// <summary><paramref name="perClass"/> rows around each of <paramref name="centers"/> (standard deviation 1 per axis),
    /// labelled with the center's name, interleaved.</summary>
    public static (float[][] Features, string[] Labels) Blobs(int perClass, int seed, params (string Name, double[] Center)[] centers)
    {
        var random = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<string>();
        for (var i = 0; i < perClass; i++)
        {
            foreach (var (name, center) in centers)
            {
                features.Add([.. center.Select(c => (float)(c + Normal(random)))]);
                labels.Add(name);
            }
        }
        return ([.. features], [.. labels]);
    }

    /// <summary><paramref name="rows"/> rows of 3 features uniform in [−5, 5] with y = <see cref="Weights"/>·x +
    /// <see cref="Intercept"/> + N(0, <paramref name="noise"/>²).</summary>
    public static (float[][] Features, float[] Values) Linear(int rows, double noise, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows][];
        var values = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            features[i] = [.. Weights.Select(_ => (float)(random.NextDouble() * 10 - 5))];
            values[i] = (float)(features[i].Select((x, j) => x * Weights[j]).Sum() + Intercept + noise * Normal(random));
        }
        return (features, values);
    }

    /// <summary>The action arguments <c>{"features": …, "labels": …}</c>.</summary>
    public static DomainActionInput Arguments(float[][] features, object labels) => Input(new { features, labels });

    /// <summary>An action's input whose data is <paramref name="arguments"/>.</summary>
    public static DomainActionInput Input(object arguments) => DomainActionInput.Parse(JsonSerializer.SerializeToElement(new { data = arguments }));

    /// <summary>A standard normal sample (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
