
namespace Rayswarm.Grains.Interfaces;

/// <summary>Puts the system overview together by asking each area in parallel (a stateless worker, key <see cref="Key"/>).</summary>
[Alias("rayswarm.ISystemOverviewGrain")]
public interface ISystemOverviewGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "overview";

    /// <summary>The overview.</summary>
    Task<SystemOverview> GetOverview();
}
