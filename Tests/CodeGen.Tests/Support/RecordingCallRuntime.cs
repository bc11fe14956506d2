using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

/// <summary>A call runtime that records what proxies send and answers with a fixed result.</summary>
internal sealed class RecordingCallRuntime : IGrainCallRuntime
{
    public List<RecordedCall> Calls { get; } = [];

    public object? Result { get; set; }

    public Task InvokeAsync(GrainReference target, Request request)
    {
        Calls.Add(new RecordedCall(target, request, ResultType: null));
        return Task.CompletedTask;
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, Request request)
    {
        Calls.Add(new RecordedCall(target, request, typeof(TResult)));
        return Task.FromResult(Result is TResult result ? result : default(TResult)!);
    }

    public GrainReference GetReference(GrainId grainId, Type interfaceType) => throw new NotSupportedException();
}

/// <summary>One call a proxy made; <see cref="ResultType"/> is the T of <c>InvokeAsync&lt;T&gt;</c>, null for a Task method.</summary>
internal sealed record RecordedCall(GrainReference Target, Request Request, Type? ResultType);
