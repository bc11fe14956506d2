namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>What a <see cref="ICounterGrain"/> holds, as its states were read.</summary>
[GenerateSerializer]
public sealed record CounterSnapshot(
    [property: Id(0)] int Count,
    [property: Id(1)] bool CountExists,
    [property: Id(2)] IReadOnlyList<string> Notes,
    [property: Id(3)] bool NotesExist);
