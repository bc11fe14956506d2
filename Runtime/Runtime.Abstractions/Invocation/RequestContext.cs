namespace Rayswarm.Runtime.Abstractions;

/// <summary>Settings of the current call chain, seen from grain code.</summary>
public static class RequestContext
{
    /// <summary>
    /// Lets calls made by the current turn, until the scope is disposed, call back into this activation
    /// (A -> B -> A) instead of failing with a <see cref="DeadlockException"/>.
    /// </summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var turn = SynchronizationContext.Current as ICallChainScope
            ?? throw new InvalidOperationException("AllowCallChainReentrancy is only meaningful inside a grain turn.");
        return turn.AllowCallChainReentrancy();
    }
}

/// <summary>Implemented by the runtime's turn context.</summary>
public interface ICallChainScope
{
    /// <summary>Allows re-entry of the current activation by its own call chain until disposed.</summary>
    IDisposable AllowCallChainReentrancy();
}
