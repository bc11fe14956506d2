using System.Text;

namespace Rayswarm.Runtime.Abstractions;

/// <summary>Compile-time facts about one grain interface method, emitted once per method by the source generator.</summary>
public sealed class MethodMetadata
{
    /// <summary>Creates the metadata with a method id computed ahead of time (by the source generator) from <see cref="Signature"/>.</summary>
    public MethodMetadata(
        Type interfaceType,
        string methodName,
        Type? resultType,
        IReadOnlyList<Type> parameterTypes,
        uint methodId,
        bool isReadOnly,
        bool isAlwaysInterleave,
        TimeSpan? responseTimeout)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        InterfaceType = interfaceType;
        MethodName = methodName;
        ResultType = resultType;
        ParameterTypes = parameterTypes;
        MethodId = methodId;
        IsReadOnly = isReadOnly;
        IsAlwaysInterleave = isAlwaysInterleave;
        ResponseTimeout = responseTimeout;
        DisplayName = $"{interfaceType.Name}.{methodName}";
    }

    /// <summary>Creates the metadata of a hand-written request; the method id is computed from the types here.</summary>
    public MethodMetadata(
        Type interfaceType,
        string methodName,
        Type? resultType,
        IReadOnlyList<Type> parameterTypes,
        bool isReadOnly,
        bool isAlwaysInterleave,
        TimeSpan? responseTimeout)
        : this(interfaceType, methodName, resultType, parameterTypes,
            ComputeId(Signature(interfaceType, methodName, parameterTypes)), isReadOnly, isAlwaysInterleave, responseTimeout)
    {
    }

    /// <summary>The grain interface that declares the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The method's name.</summary>
    public string MethodName { get; }

    /// <summary>"IInterface.Method", for messages.</summary>
    public string DisplayName { get; }

    /// <summary>T of a <c>Task&lt;T&gt;</c> method; null for <c>Task</c>.</summary>
    public Type? ResultType { get; }

    /// <summary>The declared parameter types, in order (what serializers read and write the arguments as).</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>Names the method on the wire: <see cref="ComputeId"/> of its <see cref="Signature"/>, the same in every process.</summary>
    public uint MethodId { get; }

    /// <summary>Marked <see cref="ReadOnlyAttribute"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Marked <see cref="AlwaysInterleaveAttribute"/>.</summary>
    public bool IsAlwaysInterleave { get; }

    /// <summary>From <see cref="ResponseTimeoutAttribute"/>; null for the silo default.</summary>
    public TimeSpan? ResponseTimeout { get; }

    /// <summary>FNV-1a (32 bit) over the UTF-16 code units of <paramref name="signature"/>.</summary>
    public static uint ComputeId(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var hash = 2166136261u;
        foreach (var c in signature) { hash = (hash ^ c) * 16777619u; }
        return hash;
    }

    /// <summary>
    /// The signature a method id is computed from: <c>Interface.Method(Param1,Param2)</c>, no spaces. Types are named as
    /// <see cref="Type.ToString"/> does: namespace, nesting with '+', generic arity with '`', type arguments (those of the
    /// enclosing types first) in brackets, array ranks as <c>[]</c>, <c>[,]</c>. Nullable annotations, tuple element
    /// names and <c>dynamic</c> (<c>System.Object</c>) leave no trace. The source generator builds the same string from
    /// symbols; a test keeps the two in step.
    /// </summary>
    public static string Signature(Type interfaceType, string methodName, IReadOnlyList<Type> parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(methodName);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        var builder = new StringBuilder();
        AppendTypeName(builder, interfaceType);
        builder.Append('.').Append(methodName).Append('(');
        for (var i = 0; i < parameterTypes.Count; i++)
        {
            if (i > 0) { builder.Append(','); }
            AppendTypeName(builder, parameterTypes[i]);
        }
        return builder.Append(')').ToString();
    }

    /// <inheritdoc />
    public override string ToString() => DisplayName;

    private static void AppendTypeName(StringBuilder builder, Type type)
    {
        if (type.IsArray)
        {
            AppendTypeName(builder, type.GetElementType()!);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
        }
        else if (type.IsPointer || type.IsByRef)
        {
            AppendTypeName(builder, type.GetElementType()!);
            builder.Append(type.IsPointer ? '*' : '&');
        }
        else if (type.IsGenericParameter)
        {
            builder.Append(type.Name);
        }
        else if (type.IsConstructedGenericType)
        {
            AppendDefinitionName(builder, type.GetGenericTypeDefinition());
            builder.Append('[');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0) { builder.Append(','); }
                AppendTypeName(builder, arguments[i]);
            }
            builder.Append(']');
        }
        else
        {
            AppendDefinitionName(builder, type);
        }
    }

    private static void AppendDefinitionName(StringBuilder builder, Type type)
    {
        if (type.DeclaringType is { } outer)
        {
            AppendDefinitionName(builder, outer);
            builder.Append('+');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            builder.Append(type.Namespace).Append('.');
        }
        builder.Append(type.Name);
    }
}
