namespace Rayswarm.Grains.Providers;

/// <summary>The router of one stream key (every namespace with that key): see <see cref="StreamRouterGrain"/>.</summary>
internal interface IStreamRouterGrain : IGrainWithStringKey
{
    /// <summary>Delivers to new subscriptions what they missed of the streams this router has seen (also run by its timer).</summary>
    Task CatchUpAsync();
}
