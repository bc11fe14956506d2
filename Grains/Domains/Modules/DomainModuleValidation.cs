using System.Text.Json;
using System.Text.RegularExpressions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The rules a <see cref="DomainModule"/> must keep, checked when a host adds it, so that a broken module stops the
/// start with a message naming the module and the rule instead of failing later in a workflow or an MCP listing.</summary>
public static partial class DomainModuleValidation
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the module and the first rule it breaks: a valid
    /// domain id; a worker grain class implementing <see cref="IDomainWorkerGrain"/> with a <c>[GrainType]</c>; at
    /// least one action; action names unique, of letters, digits, '_' and '-'; each input schema a JSON object of type
    /// <c>object</c>; each version semantic (<c>MAJOR.MINOR.PATCH</c>); a deprecated action's description starting with
    /// "Deprecated"; capabilities non-empty.</summary>
    public static void Validate(DomainModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var name = $"Domain module '{module.DomainId}' ({module.GetType().Name})";
        try
        {
            DomainRegistration.ValidateDomainId(module.DomainId);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{name}: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(module.Description)) { throw new InvalidOperationException($"{name} needs a description."); }
        ValidateWorker(name, module.WorkerGrain);
        if (module.Capabilities.Any(string.IsNullOrWhiteSpace)) { throw new InvalidOperationException($"{name} has an empty capability."); }
        if (module.Actions.Count == 0) { throw new InvalidOperationException($"{name} has no actions."); }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in module.Actions)
        {
            ValidateAction(name, action);
            if (!names.Add(action.Name)) { throw new InvalidOperationException($"{name} has two actions named '{action.Name}'."); }
        }
    }

    /// <summary>The <c>[GrainType]</c> name of a worker grain class; throws <see cref="InvalidOperationException"/> when it
    /// is not a grain class implementing <see cref="IDomainWorkerGrain"/> with a <c>[GrainType]</c>.</summary>
    internal static string GrainTypeOf(Type grainClass)
    {
        ValidateWorker($"Domain worker {grainClass.Name}", grainClass);
        var attribute = (GrainTypeAttribute)grainClass.GetCustomAttributes(typeof(GrainTypeAttribute), inherit: false)[0];
        return attribute.GetGrainType(null!, grainClass).ToString()!;
    }

    private static void ValidateWorker(string name, Type? worker)
    {
        if (worker is null || !worker.IsClass || worker.IsAbstract || !typeof(Grain).IsAssignableFrom(worker)
            || !typeof(IDomainWorkerGrain).IsAssignableFrom(worker))
        {
            throw new InvalidOperationException($"{name}: its worker grain ({worker?.Name ?? "none"}) must be a grain class implementing IDomainWorkerGrain.");
        }
        // The registry persists the grain type's name, so it must not follow a class rename.
        if (worker.GetCustomAttributes(typeof(GrainTypeAttribute), inherit: false).Length != 1)
        {
            throw new InvalidOperationException($"{name}: its worker grain {worker.Name} needs a stable [GrainType(\"…\")] name.");
        }
    }

    private static void ValidateAction(string name, DomainActionInfo action)
    {
        if (string.IsNullOrEmpty(action.Name) || !ActionName().IsMatch(action.Name))
        {
            throw new InvalidOperationException($"{name}: action name '{action.Name}' must be letters, digits, '_' or '-' (at most 64).");
        }
        var label = $"{name}, action '{action.Name}'";
        if (string.IsNullOrWhiteSpace(action.Description)) { throw new InvalidOperationException($"{label} needs a description."); }
        if (!SemanticVersion().IsMatch(action.Version ?? ""))
        {
            throw new InvalidOperationException($"{label}: version '{action.Version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0).");
        }
        if (action.Deprecated is not null
            && (string.IsNullOrWhiteSpace(action.Deprecated) || !action.Description.StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"{label} is deprecated: say why in Deprecated and start its description with \"Deprecated\".");
        }
        try
        {
            using var schema = JsonDocument.Parse(action.InputSchema);
            if (schema.RootElement.ValueKind != JsonValueKind.Object
                || !schema.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
            {
                throw new InvalidOperationException($"{label}: its input schema must be a JSON Schema object with \"type\": \"object\".");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{label}: its input schema is not JSON: {e.Message}", e);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ActionName();

    // semver.org's grammar: no leading zeros; optional pre-release and build metadata.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemanticVersion();
}
