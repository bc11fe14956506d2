using System.Reflection;
using System.Runtime.Loader;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

public sealed class CollectionAgeTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Rayswarm.Runtime.Abstractions;

        namespace Ages;

        public interface IAged : IGrainWithStringKey { Task Ping(); }

        public abstract class AgedGrain : Grain, IAged { public Task Ping() => Task.CompletedTask; }

        [CollectionAgeLimit(Minutes = 2)] public sealed class TwoMinutes : AgedGrain { }
        [CollectionAgeLimit(Days = 1.5, Hours = 0.1, Seconds = 0.0000001)] public sealed class Fractions : AgedGrain { }
        [CollectionAgeLimit(Hours = 1, Minutes = 30, Seconds = 15.25)] public sealed class Mixed : AgedGrain { }
        [CollectionAgeLimit(Minutes = 1.0 / 3)] public sealed class Third : AgedGrain { }
        [CollectionAgeLimit(Seconds = 0.00000015)] public sealed class BelowOneAndHalfTicks : AgedGrain { }
        [CollectionAgeLimit(Days = 1, AlwaysActive = true)] public sealed class Forever : AgedGrain { }
        public sealed class Inherits : TwoMinutesBase { }
        [CollectionAgeLimit(Minutes = 2)] public abstract class TwoMinutesBase : AgedGrain { }
        public sealed class Default : AgedGrain { }
        """;

    [Fact]
    public void Generated_collection_age_equals_the_attribute_amount_computed_at_run_time()
    {
        var assembly = EmitAndLoad();
        var registry = new GrainCodeRegistry();
        registry.Load(assembly);

        foreach (var name in new[] { "TwoMinutes", "Fractions", "Mixed", "Third", "BelowOneAndHalfTicks", "Forever", "Inherits" })
        {
            var classType = assembly.GetType("Ages." + name, throwOnError: true)!;
            var expected = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)!.Amount;
            Assert.Equal((name, expected), (name, registry.GetClass(name).CollectionAge!.Value));
        }
        Assert.Equal(Timeout.InfiniteTimeSpan, registry.GetClass("Forever").CollectionAge);
        Assert.Null(registry.GetClass("Default").CollectionAge);
    }

    private static Assembly EmitAndLoad()
    {
        var result = Generation.Run(Source);
        Assert.Empty(result.GeneratorDiagnostics);
        using var image = new MemoryStream();
        var emitted = result.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("Ages", isCollectible: true).LoadFromStream(image);
    }
}
