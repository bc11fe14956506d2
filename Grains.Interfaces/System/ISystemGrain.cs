
namespace Rayswarm.Grains.Interfaces;

/// <summary>The system's own view of itself: whether the silo can serve.</summary>
[Alias("rayswarm.ISystemGrain")]
public interface ISystemGrain : IGrainWithStringKey
{
    /// <summary>The well-known key of the system grain.</summary>
    const string Key = "system";

    /// <summary>Checks that grain calls and durable storage work, and reports each check.</summary>
    Task<HealthReport> CheckHealth();
}
