
namespace Rayswarm.Grains.Interfaces;

/// <summary>Delivers the events of one subscription (key: domain id and pattern) to its domain, through the domain's worker
/// grain or its registered endpoint. A failed delivery throws, so the streams retry it and finally park it as a dead letter.</summary>
[Alias("rayswarm.IEventDeliveryGrain")]
public interface IEventDeliveryGrain : IGrainWithStringKey;
