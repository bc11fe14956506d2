using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>
/// A call runtime that creates references through the generated proxies of a registry and records, without sending,
/// the requests those proxies make.
/// </summary>
internal sealed class ReferenceRuntime : IGrainCallRuntime
{
    public ReferenceRuntime()
    {
        Registry = new GrainCodeRegistry();
        Registry.Load(typeof(ICalculatorGrain).Assembly);
        RemindableReference.Register(Registry);
    }

    public GrainCodeRegistry Registry { get; }

    public List<Request> Sent { get; } = [];

    public Task InvokeAsync(GrainReference target, Request request)
    {
        Sent.Add(request);
        return Task.CompletedTask;
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, Request request)
    {
        Sent.Add(request);
        return Task.FromResult(default(TResult)!);
    }

    public GrainReference GetReference(GrainId grainId, Type interfaceType) => Registry.GetInterface(interfaceType).CreateProxy(grainId, this);

    public T Get<T>(GrainId grainId) where T : IGrain => (T)(object)GetReference(grainId, typeof(T));

    /// <summary>The request a call through a proxy of <typeparamref name="T"/> makes.</summary>
    public Request Capture<T>(Func<T, Task> call) where T : IGrain
    {
        Sent.Clear();
        _ = call(Get<T>(new GrainId("captured", "0")));
        return Assert.Single(Sent);
    }
}
