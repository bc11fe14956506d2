namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>A grain's own exception type with the usual message constructor.</summary>
public sealed class OrderRejectedException(string message) : Exception(message);

/// <summary>An exception type that cannot be created from a message.</summary>
public sealed class CodedException(int code) : Exception($"failed with code {code}")
{
    public int Code { get; } = code;
}
