namespace Rayswarm.Runtime.Core;

/// <summary>Decodes response bodies for the caller, who alone knows the result type.</summary>
public interface IResultReader
{
    /// <summary>The result of a successful response.</summary>
    T ReadResult<T>(ReadOnlyMemory<byte> body);

    /// <summary>The exception of an error or rejected response.</summary>
    Exception ReadError(ReadOnlyMemory<byte> body);
}
