namespace Rayswarm.Runtime.CodeGen;

/// <summary>A grain class declared in the compilation, as its registration needs it.</summary>
/// <param name="TypeName">The class, fully qualified.</param>
/// <param name="GrainType">The grain type name.</param>
/// <param name="Interfaces">Its grain interfaces (markers excluded), fully qualified.</param>
/// <param name="IsReentrant">[Reentrant] on the class or a base class.</param>
/// <param name="StatelessWorkerMaxLocal">Null unless [StatelessWorker]; then its pool limit.</param>
/// <param name="CollectionAge">An expression for the [CollectionAgeLimit] time span, or null.</param>
/// <param name="ConstructorArguments">Expressions over <c>sp</c> and <c>ctx</c>, one per constructor parameter.</param>
/// <param name="Diagnostics">Problems to report; any one means the class is not registered.</param>
internal sealed record GrainClassModel(
    string TypeName,
    string GrainType,
    EquatableArray<string> Interfaces,
    bool IsReentrant,
    int? StatelessWorkerMaxLocal,
    string? CollectionAge,
    EquatableArray<string> ConstructorArguments,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool IsRegistered => Diagnostics.Count == 0;
}
