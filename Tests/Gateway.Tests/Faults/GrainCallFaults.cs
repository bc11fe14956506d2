using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime.Messaging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway.Tests;

/// <summary>
/// Makes the gateway's grain calls fail on request: a request names an exception in the <see cref="Header"/> header, a
/// middleware puts the name into Orleans' <see cref="RequestContext"/> (which flows with the request into its grain calls),
/// and an outgoing grain call filter throws that exception instead of sending a call the gateway itself makes (calls made
/// by grains are left alone). The filter must run first in the silo's chain, outside the retry of rejected calls, so that
/// each exception reaches the gateway as it is thrown.
/// </summary>
public sealed class GrainCallFaults : IOutgoingGrainCallFilter, IStartupFilter
{
    public const string Header = "X-Test-Grain-Fault";

    private const string Key = "rayswarm.test.grain-fault";

    /// <summary>The failures the cluster itself produces when a silo starts, stops or dies, or a connection breaks.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Exception>> Transient = new Dictionary<string, Func<Exception>>(StringComparer.Ordinal)
    {
        [nameof(SiloUnavailableException)] = () => new SiloUnavailableException("The target silo became unavailable (injected)."),
        [nameof(OrleansMessageRejectionException)] = Rejection,
        [nameof(TimeoutException)] = () => new TimeoutException("Response did not arrive on time (injected)."),
        [nameof(ClusterUnavailableException)] = () => new ClusterUnavailableException("Could not store the event: this silo is starting or stopping (injected)."),
        [nameof(OrleansLifecycleCanceledException)] = LifecycleCanceled,
        [nameof(ConnectionFailedException)] = () => new ConnectionFailedException("Unable to connect to the gateway (injected)."),
    };

    /// <summary>Every failure a request can name: the transient ones and an ordinary bug.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Exception>> All = new Dictionary<string, Func<Exception>>(Transient, StringComparer.Ordinal)
    {
        [nameof(NullReferenceException)] = () => new NullReferenceException("A bug (injected)."),
    };

    /// <summary>A request naming this is held: its grain call never answers (as one sent through a silo that died).</summary>
    public const string Hang = "hang";

    public Task Invoke(IOutgoingGrainCallContext context) =>
        context.SourceContext is null && RequestContext.Get(Key) is string name
            ? name == Hang ? new TaskCompletionSource().Task : Task.FromException(All[name]())
            : context.Invoke();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, rest) =>
        {
            if (http.Request.Headers[Header].ToString() is { Length: > 0 } name) { RequestContext.Set(Key, name); }
            return rest(http);
        });
        next(app);
    };

    // Orleans creates rejections only internally (a silo refusing a message); the type is what the gateway sees.
    private static OrleansMessageRejectionException Rejection() =>
        (OrleansMessageRejectionException)Activator.CreateInstance(
            typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic, binder: null,
            ["Silo stopping (injected)."], culture: null)!;

    // The real thing: what Orleans throws when a silo's start is cancelled (a host stopped while it starts).
    private static OrleansLifecycleCanceledException LifecycleCanceled()
    {
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        lifecycle.Subscribe("injected", ServiceLifecycleStage.RuntimeInitialize, _ => Task.CompletedTask);
        var start = lifecycle.OnStart(new CancellationToken(canceled: true));
        return (OrleansLifecycleCanceledException)start.Exception!.InnerException!;
    }
}
