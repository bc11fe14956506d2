using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>
/// The lists C# collection expressions make (what a grain returns for <c>[.. items]</c> as an <see cref="IReadOnlyList{T}"/>)
/// have a copier and a codec once <see cref="DomainSerialization.AddDomainSerialization"/> is added, so Orleans finds them
/// once per type instead of probing every copier and codec on every call; copies and round trips keep the contents.
/// </summary>
public sealed class CollectionExpressionSerializationTests
{
    private static readonly IServiceProvider s_withOurs = new ServiceCollection()
        .AddSerializer(s => s.AddDomainSerialization()).BuildServiceProvider();

    private static IReadOnlyList<T> Expression<T>(params T[] items) => [.. items];

    [Fact]
    public void Orleans_alone_finds_no_copier_or_codec_for_them_and_ours_does()
    {
        var type = Expression("a", "b").GetType();
        Assert.StartsWith("<>z__ReadOnly", type.Name, StringComparison.Ordinal);
        var bare = new ServiceCollection().AddSerializer().BuildServiceProvider();
        Assert.Null(bare.GetRequiredService<IDeepCopierProvider>().TryGetDeepCopier(type));
        Assert.Null(bare.GetRequiredService<ICodecProvider>().TryGetCodec(type));

        Assert.NotNull(s_withOurs.GetRequiredService<IDeepCopierProvider>().TryGetDeepCopier(type));
        Assert.NotNull(s_withOurs.GetRequiredService<ICodecProvider>().TryGetCodec(type));
    }

    [Fact]
    public void A_copy_copies_mutable_elements_and_passes_immutable_ones_on()
    {
        var copier = s_withOurs.GetRequiredService<DeepCopier>();
        var mutable = Expression(new List<string> { "x" }, new List<string> { "y", "z" });
        var copy = copier.Copy(mutable);
        Assert.NotSame(mutable, copy);
        Assert.Equal(mutable.Count, copy.Count);
        for (var i = 0; i < copy.Count; i++)
        {
            Assert.NotSame(mutable[i], copy[i]);
            Assert.Equal(mutable[i], copy[i]);
        }

        var entries = Expression(new RegistryEntry("a", ["search"], DomainStatus.Healthy, DomainKinds.Hosted, "g"));
        Assert.Same(entries, copier.Copy(entries)); // [Immutable] elements in a read-only list: nothing to copy
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void A_round_trip_between_processes_gives_the_same_elements(int count)
    {
        var serializer = s_withOurs.GetRequiredService<Serializer>();
        var list = Expression([.. Enumerable.Range(0, count).Select(i => $"item {i}")]);
        var wrapped = new Wrapper(list);
        var back = serializer.Deserialize<Wrapper>(serializer.SerializeToArray(wrapped));
        Assert.Equal(list, back!.Items);
        Assert.IsType<string[]>(back.Items); // on the wire an array, not the compiler's type
    }
}

/// <summary>A contract with a list field, as the grains' records have.</summary>
[GenerateSerializer, Alias("rayswarm.tests.CollectionExpressionWrapper")]
public sealed record Wrapper([property: Id(0)] IReadOnlyList<string> Items);
