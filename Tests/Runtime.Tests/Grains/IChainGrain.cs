using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

/// <summary>Calls along a path of grains, to build call chains and cycles.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls the first grain of <paramref name="path"/> with the rest; the last returns its key.</summary>
    Task<string> Follow(string[] path, bool allowReentry);

    [ResponseTimeout("00:00:01")]
    Task<string> HoldWithShortTimeout(string gate);

    Task<string> Hold(string gate);

    Task Fail(string message, bool async);

    Task<int> Calls();

    /// <summary>Throws before returning a task (not an async method).</summary>
    Task<int> ThrowBeforeReturning(string message);
}
