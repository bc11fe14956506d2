namespace Rayswarm.Runtime.Abstractions;

/// <summary>The runtime's entry point for calls made through generated proxies.</summary>
public interface IGrainCallRuntime
{
    /// <summary>Sends a request to the grain and completes when the method's <c>Task</c> does.</summary>
    Task InvokeAsync(GrainReference target, Request request);

    /// <summary>Sends a request to the grain and returns the method's result.</summary>
    Task<TResult> InvokeAsync<TResult>(GrainReference target, Request request);

    /// <summary>Creates a reference to <paramref name="grainId"/> through <paramref name="interfaceType"/>.</summary>
    GrainReference GetReference(GrainId grainId, Type interfaceType);
}
