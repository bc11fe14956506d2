namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The notes of a <see cref="CounterGrain"/>.</summary>
public sealed class NotesState
{
    public List<string> Notes { get; set; } = [];
}
