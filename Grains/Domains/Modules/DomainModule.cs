using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// A domain module: a class library under <c>Domains/</c> that a silo hosts when it is enabled
/// (<c>--domains code,documents</c> or <see cref="DomainModuleSelection.EnabledKey"/>; docs/domains.md, "Write a domain
/// in 10 minutes"). A module names its domain, its worker grain and its actions; it may add services (storage of its
/// own) and ship a knowledge folder of Markdown files that the shared memory keeps as the domain's contributions.
/// <para>Once enabled it is a hosted domain like the built-in <c>memory</c> and <c>events</c>: the silo registers it in the
/// registry with <see cref="Capabilities"/> and its action names as capabilities, workflow steps reach its worker grain,
/// and the gateway lists its actions as the MCP tools <c>{domain}_{action}</c>.</para>
/// <para>A subclass is public, sealed, has a public parameterless constructor and holds no state: hosts create it once,
/// before anything runs.</para>
/// </summary>
public abstract class DomainModule
{
    /// <summary>The domain id, also the module's name in <c>--domains</c>: letters, digits, '_', '-' or '.', e.g. <c>code</c>.</summary>
    public abstract string DomainId { get; }

    /// <summary>What the domain is for, in one sentence (the dashboard and docs show it).</summary>
    public abstract string Description { get; }

    /// <summary>What the domain can do, for routing by capability (e.g. <c>code</c>, <c>analysis</c>); registered with its
    /// action names. Default none.</summary>
    public virtual IReadOnlyList<string> Capabilities => [];

    /// <summary>The grain class that serves the domain: a sealed <see cref="Grain"/> implementing
    /// <see cref="IDomainWorkerGrain"/>, with a stable <c>[GrainType("…")]</c> (the registry keeps that name). It is
    /// keyed by <see cref="DomainId"/>; its <see cref="IDomainWorkerGrain.DescribeActions"/> answers <see cref="Actions"/>.
    /// Other grains of the module (e.g. one per model) are found by Orleans in the module's assembly.</summary>
    public abstract Type WorkerGrain { get; }

    /// <summary>The actions, each with its input's JSON Schema, description, read-only flag and version
    /// (<see cref="DomainActionInfo"/>); checked when the module is added (<see cref="DomainModuleValidation"/>).</summary>
    public abstract IReadOnlyList<DomainActionInfo> Actions { get; }

    /// <summary>The bus patterns the domain subscribes to when a silo hosting it starts (durable subscriptions; the events
    /// reach its worker's <see cref="IDomainWorkerGrain.OnEvent"/>), e.g. <c>*.completed</c>. Default none. The setting
    /// <c>Rayswarm:Domains:Subscriptions:{domain}</c> replaces them (<see cref="DomainSubscriptionServiceCollectionExtensions"/>).</summary>
    public virtual IReadOnlyList<string> Subscriptions => [];

    /// <summary>The knowledge folder, relative to the module's assembly (so a folder copied to the output ships with it),
    /// or null for none. Its <c>*.md</c> files (subfolders too) are contributed to the shared memory as the domain's
    /// <c>knowledge</c> on start, again when they change, and retracted when they are deleted; never twice
    /// (<see cref="KnowledgeFolder"/>). The setting <c>Rayswarm:Domains:Knowledge:{domain}</c> points it elsewhere.</summary>
    public virtual string? KnowledgeFolder => null;

    /// <summary>Adds the module's own services to the silo (storage, options, clients). Its grains' state may also use the
    /// silo's default grain storage (<c>[PersistentState("name")]</c>): SQLite embedded, PostgreSQL in a cluster.</summary>
    public virtual void ConfigureServices(IServiceCollection services) { }
}
