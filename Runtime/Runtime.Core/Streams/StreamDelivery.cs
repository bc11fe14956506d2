using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>One delivery the agent asks the silo to make: <paramref name="Event"/> to the grain <paramref name="Subscriber"/>
/// for the subscription <paramref name="SubscriptionId"/> (the silo calls <see cref="IStreamConsumer.OnEvent"/>).</summary>
public sealed record StreamDelivery(string SubscriptionId, GrainId Subscriber, StreamEvent Event);
