using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>Makes a silo a member of a cluster.</summary>
public static class ClusteringBuilderExtensions
{
    /// <summary>
    /// Joins the silo to a cluster: TCP endpoint (<see cref="EndpointOptions"/>), cluster id and secret
    /// (<see cref="ClusterOptions"/>), membership protocol (<see cref="MembershipOptions"/>), all bound from the
    /// <c>Rayswarm</c> configuration section. A membership table and a grain directory must be chosen too
    /// (<see cref="UseInMemoryClustering"/> for tests, or a database provider's <c>UsePostgresClustering</c>).
    /// </summary>
    public static ISiloBuilder UseClustering(this ISiloBuilder builder, Action<ClusterOptions>? cluster = null, Action<EndpointOptions>? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var clusterOptions = services.AddOptions<ClusterOptions>().Bind(builder.Configuration.GetSection("Rayswarm:Cluster"));
        if (cluster is not null) { clusterOptions.Configure(cluster); }
        var endpointOptions = services.AddOptions<EndpointOptions>().Bind(builder.Configuration.GetSection("Rayswarm:Endpoint")).ValidateOnStart();
        if (endpoint is not null) { endpointOptions.Configure(endpoint); }
        services.AddOptions<MembershipOptions>().Bind(builder.Configuration.GetSection(MembershipOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MembershipOptions>, MembershipOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EndpointOptions>, EndpointOptionsValidator>());
        services.AddSingleton<ClusterHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterHostedService>());
        return builder;
    }

    /// <summary>Uses <paramref name="factory"/>'s membership table.</summary>
    public static ISiloBuilder UseMembershipTable(this ISiloBuilder builder, Func<IServiceProvider, IMembershipTable> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Uses <paramref name="factory"/>'s grain directory.</summary>
    public static ISiloBuilder UseGrainDirectory(this ISiloBuilder builder, Func<IServiceProvider, IGrainDirectory> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Cluster state in memory objects shared by silos of one process (in-process test clusters).</summary>
    public static ISiloBuilder UseInMemoryClustering(this ISiloBuilder builder, MemoryMembershipTable table, MemoryGrainDirectory directory) =>
        builder.UseMembershipTable(_ => table).UseGrainDirectory(_ => directory);
}
