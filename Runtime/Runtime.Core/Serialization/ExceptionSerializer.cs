using System.Runtime.ExceptionServices;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Writes an exception as its type's full name and assembly name, message, stack trace and inner exception (at most
/// <see cref="MaxDepth"/> levels), and reads it back as the same type when this process can load it and it has a public
/// constructor taking (message, inner exception) or the message (then only optional parameters), with the original
/// message; otherwise as a <see cref="RemoteGrainException"/> naming the original type.
/// The remote stack trace is kept: it leads <see cref="Exception.StackTrace"/> and is in
/// <see cref="Exception.Data"/>[<see cref="RemoteStackTraceKey"/>].
/// </summary>
public static class ExceptionSerializer
{
    /// <summary>How many exceptions of an inner-exception chain are kept (the outermost first).</summary>
    public const int MaxDepth = 8;

    /// <summary>The <see cref="Exception.Data"/> key of the stack trace the exception had where it was thrown.</summary>
    public const string RemoteStackTraceKey = "RemoteStackTrace";

    /// <summary>Writes <paramref name="exception"/> and its inner exceptions.</summary>
    public static void Write(ref WireWriter writer, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var current = exception;
        for (var depth = 1; current is not null; depth++)
        {
            if (current is RemoteGrainException remote)
            {
                // Passed on from another silo: keep naming the type the grain threw.
                writer.WriteString(remote.OriginalTypeName);
                writer.WriteString(null);
            }
            else
            {
                var type = current.GetType();
                writer.WriteString(type.FullName ?? type.Name);
                writer.WriteString(type.Assembly.GetName().Name);
            }
            writer.WriteString(current.Message);
            writer.WriteString(current.StackTrace ?? current.Data[RemoteStackTraceKey] as string);
            current = depth < MaxDepth ? current.InnerException : null;
            writer.WriteByte(current is null ? (byte)0 : (byte)1);
        }
    }

    /// <summary>Reads an exception written by <see cref="Write"/>.</summary>
    public static Exception Read(ref WireReader reader)
    {
        var chain = new List<(string Type, string? Assembly, string Message, string? StackTrace)>();
        bool more;
        do
        {
            if (chain.Count == MaxDepth) { throw new InvalidDataException($"An exception nests deeper than {MaxDepth} levels."); }
            chain.Add((reader.ReadRequiredString(), reader.ReadString(), reader.ReadString() ?? "", reader.ReadString()));
            more = reader.ReadByte() != 0;
        }
        while (more);

        Exception? inner = null;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var (type, assembly, message, stackTrace) = chain[i];
            inner = Restore(RemoteExceptionFactory.Create(type, assembly, message, inner), stackTrace);
        }
        return inner!;
    }

    private static Exception Restore(Exception exception, string? stackTrace)
    {
        if (stackTrace is null) { return exception; }
        exception.Data[RemoteStackTraceKey] = stackTrace;
        try { ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace); }
        catch (InvalidOperationException) { /* a factory handed back an exception that was thrown already */ }
        return exception;
    }
}
