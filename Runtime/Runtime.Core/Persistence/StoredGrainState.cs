namespace Rayswarm.Runtime.Core;

/// <summary>A stored state record: the JSON document and its ETag.</summary>
public sealed record StoredGrainState(string Json, string ETag);
