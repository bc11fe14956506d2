// TEMPORARY: the streams API as specified to the streams work; replaced by the real files on merge.
#pragma warning disable
namespace Rayswarm.Grains.Providers;
using Orleans;
using Orleans.Runtime;
public interface IEventStreams
{
    Task<StreamEvent> PublishAsync<T>(StreamId stream, T data, string? eventId = null, CancellationToken cancellationToken = default);
    Task<StreamSubscriptionHandle> SubscribeAsync(string streamNamespace, string pattern, GrainId subscriber, CancellationToken cancellationToken = default);
    Task<bool> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StreamSubscriptionHandle>> GetSubscriptionsAsync(CancellationToken cancellationToken = default);
    Task<StreamHistoryPage> ReadHistoryAsync(string streamNamespace, string? pattern = null, long afterPosition = 0, DateTimeOffset? since = null, int limit = 100, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence = 0, int limit = 100, CancellationToken cancellationToken = default);
    Task<StreamStats> GetStatsAsync(string? streamNamespace = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StreamDeadLetter>> GetDeadLettersAsync(string? subscriptionId = null, int limit = 100, CancellationToken cancellationToken = default);
}
public interface IEventConsumer : IGrain { Task OnEvent(string subscription, StreamEvent streamEvent); }
[GenerateSerializer, Immutable] public sealed record StreamEvent(StreamId Stream, long Sequence, string EventId, DateTimeOffset PublishedAt, string Data, long Position = 0) { public T? As<T>() => default; }
[GenerateSerializer, Immutable] public sealed record StreamSubscriptionHandle(string Id, string Namespace, string Pattern, GrainId Subscriber, DateTimeOffset CreatedAt);
[GenerateSerializer, Immutable] public sealed record StreamStats(IReadOnlyList<StreamCount> Streams, IReadOnlyList<SubscriptionStats> Subscriptions, long PublishedBySilo, long DeliveredBySilo, long FailedAttempts, long Parked);
[GenerateSerializer, Immutable] public sealed record StreamCount(StreamId Stream, long Published);
[GenerateSerializer, Immutable] public sealed record SubscriptionStats(string Id, string Namespace, string Pattern, GrainId Subscriber, long Published, long Finished, long Lag);
[GenerateSerializer, Immutable] public sealed record StreamDeadLetter(string SubscriptionId, StreamEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt);
[GenerateSerializer, Immutable] public sealed record StreamHistoryPage(IReadOnlyList<StreamEvent> Events, long NextPosition, bool HasMore);
public sealed class StreamPattern { public StreamPattern(string p) { Text = p; } public string Text { get; } public bool Matches(string key) => true; }
public static class EventLogStreams { public const string ProviderName = "EventLog"; }
public static class StubHostingExtensions
{
    public static ISiloBuilder AddEventLogStreams(this ISiloBuilder b, Action<EventLogStreamOptions>? c = null) => b;
    public static ISiloBuilder UseSqliteEventLog(this ISiloBuilder b, string path) => b;
    public static ISiloBuilder UsePostgresEventLog(this ISiloBuilder b, string cs) => b;
    public static ISiloBuilder UseMemoryEventLog(this ISiloBuilder b) => b;
}
public sealed class EventLogStreamOptions { public int MaxAttempts {get;set;} public TimeSpan InitialRetryDelay {get;set;} public TimeSpan MaxRetryDelay {get;set;} }
