namespace Rayswarm.Runtime.Core;

/// <summary>Calls. Configuration section <c>Rayswarm:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>How long a caller waits for a response unless the method has [ResponseTimeout]. Default 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
