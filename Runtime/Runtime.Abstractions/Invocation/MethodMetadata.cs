namespace Rayswarm.Runtime.Abstractions;

/// <summary>Compile-time facts about one grain interface method, emitted once per method by the source generator.</summary>
public sealed class MethodMetadata
{
    /// <summary>Creates the metadata.</summary>
    public MethodMetadata(Type interfaceType, string methodName, Type? resultType, bool isReadOnly, bool isAlwaysInterleave, TimeSpan? responseTimeout)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        InterfaceType = interfaceType;
        MethodName = methodName;
        ResultType = resultType;
        IsReadOnly = isReadOnly;
        IsAlwaysInterleave = isAlwaysInterleave;
        ResponseTimeout = responseTimeout;
        DisplayName = $"{interfaceType.Name}.{methodName}";
    }

    /// <summary>The grain interface that declares the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The method's name.</summary>
    public string MethodName { get; }

    /// <summary>"IInterface.Method", for messages.</summary>
    public string DisplayName { get; }

    /// <summary>T of a <c>Task&lt;T&gt;</c> method; null for <c>Task</c>.</summary>
    public Type? ResultType { get; }

    /// <summary>Marked <see cref="ReadOnlyAttribute"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Marked <see cref="AlwaysInterleaveAttribute"/>.</summary>
    public bool IsAlwaysInterleave { get; }

    /// <summary>From <see cref="ResponseTimeoutAttribute"/>; null for the silo default.</summary>
    public TimeSpan? ResponseTimeout { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
