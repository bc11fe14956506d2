namespace Rayswarm.Runtime.Core;

/// <summary>Where the response to an incoming message goes (the connection it came on).</summary>
internal interface IReplyChannel
{
    /// <summary>Sends the reply; false if the channel is gone (the reply is dropped: its caller learns from the closed connection).</summary>
    bool Reply(Message message);
}
