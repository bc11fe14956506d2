namespace Rayswarm.Runtime.Core;

/// <summary>Decodes response bodies for the caller, who alone knows the result type.</summary>
internal interface IResultReader
{
    T ReadResult<T>(ReadOnlyMemory<byte> body);

    Exception ReadError(ReadOnlyMemory<byte> body);
}
