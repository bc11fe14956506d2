using System.Buffers;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>Round trips through a <see cref="ValueSerializer"/>, by the generic and the Type-based paths.</summary>
internal static class Wire
{
    public static byte[] Write<T>(ValueSerializer serializer, T value)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        serializer.Write(ref writer, value);
        writer.Commit();
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Write(ValueSerializer serializer, Type type, object? value)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        serializer.Write(ref writer, type, value);
        writer.Commit();
        return output.WrittenSpan.ToArray();
    }

    public static T Read<T>(ValueSerializer serializer, byte[] bytes)
    {
        var reader = new WireReader(bytes);
        var value = serializer.Read<T>(ref reader);
        Assert.Equal(0, reader.Remaining);
        return value;
    }

    public static object? Read(ValueSerializer serializer, Type type, byte[] bytes)
    {
        var reader = new WireReader(bytes);
        var value = serializer.Read(ref reader, type);
        Assert.Equal(0, reader.Remaining);
        return value;
    }

    /// <summary>Writes by both paths (same bytes), reads by both, and returns what the generic path read.</summary>
    public static T RoundTrip<T>(ValueSerializer serializer, T value)
    {
        var bytes = Write(serializer, value);
        Assert.Equal(bytes, Write(serializer, typeof(T), value));
        var boxed = Read(serializer, typeof(T), bytes);
        var typed = Read<T>(serializer, bytes);
        if (typed is null) { Assert.Null(boxed); }
        else { Assert.IsType(typed.GetType(), boxed); }
        return typed;
    }
}
