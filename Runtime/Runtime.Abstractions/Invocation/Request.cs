namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// One call of a grain interface method with its arguments. The source generator emits a sealed subclass per
/// method whose <see cref="Invoke"/> calls the method directly on the grain, so no reflection is on the call path.
/// </summary>
public abstract class Request
{
    /// <summary>The method this request calls.</summary>
    public abstract MethodMetadata Method { get; }

    /// <summary>Calls the method on <paramref name="grain"/> and returns its task (a <c>Task&lt;T&gt;</c> for methods with a result).</summary>
    public abstract Task Invoke(object grain);

    /// <summary>
    /// The result of a task returned by <see cref="Invoke"/> that completed successfully, boxed; null for <c>Task</c>
    /// methods. Lets the runtime send a result without knowing its type statically.
    /// </summary>
    public abstract object? GetResult(Task completed);

    /// <summary>The number of arguments.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>Reads argument <paramref name="index"/> (used by serializers and diagnostics, not by local calls).</summary>
    public abstract object? GetArgument(int index);

    /// <summary>Writes argument <paramref name="index"/>.</summary>
    public abstract void SetArgument(int index, object? value);

    /// <summary>The method's display name.</summary>
    public override string ToString() => Method.DisplayName;
}
