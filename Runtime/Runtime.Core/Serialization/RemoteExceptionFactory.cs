using System.Collections.Concurrent;
using System.Reflection;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Recreates a remote exception by type name. The type must be an <see cref="Exception"/> this process can load, with a
/// public constructor taking (message, inner exception), or the message alone, or the message and then only optional
/// parameters. Otherwise the result is a <see cref="RemoteGrainException"/>. Constructors are looked up once per type.
/// </summary>
internal static class RemoteExceptionFactory
{
    /// <summary>Where an inner exception goes when the type can only be created from its message.</summary>
    public const string RemoteInnerExceptionKey = "RemoteInnerException";

    private static readonly ConcurrentDictionary<(string Type, string? Assembly), Func<string, Exception?, Exception>?> s_factories = new();

    public static Exception Create(string typeName, string? assemblyName, string message, Exception? inner)
    {
        var factory = s_factories.GetOrAdd((typeName, assemblyName), static key => Find(key.Type, key.Assembly));
        if (factory is not null)
        {
            try { return factory(message, inner); }
            catch (TargetInvocationException) { /* the constructor rejected the message; fall back */ }
        }
        return new RemoteGrainException(typeName, message, inner);
    }

    private static Func<string, Exception?, Exception>? Find(string typeName, string? assemblyName)
    {
        var type = Load(typeName, assemblyName);
        if (type is null || !typeof(Exception).IsAssignableFrom(type) || type.IsAbstract || type.ContainsGenericParameters) { return null; }

        if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
        {
            return (message, inner) => (Exception)withInner.Invoke([message, inner]);
        }
        var messageOnly = type.GetConstructor([typeof(string)])
            ?? type.GetConstructors().FirstOrDefault(static c => c.GetParameters() is [{ ParameterType: var first }, .. var rest]
                && first == typeof(string) && rest.All(static p => p.IsOptional));
        if (messageOnly is null) { return null; }
        var defaults = messageOnly.GetParameters().Skip(1)
            .Select(static p => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        return (message, inner) =>
        {
            var exception = (Exception)messageOnly.Invoke([message, .. defaults]);
            if (inner is not null) { exception.Data[RemoteInnerExceptionKey] = inner; }
            return exception;
        };
    }

    private static Type? Load(string typeName, string? assemblyName)
    {
        try
        {
            return Type.GetType(assemblyName is null ? typeName : $"{typeName}, {assemblyName}", throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or BadImageFormatException)
        {
            // A malformed name or an assembly that cannot be loaded: the type is unknown here.
            return null;
        }
    }
}
