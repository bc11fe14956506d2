using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>An event to append: its stream, a unique id (for idempotence) and the JSON payload.</summary>
public sealed record NewStreamEvent(StreamId Stream, string EventId, string Data);
