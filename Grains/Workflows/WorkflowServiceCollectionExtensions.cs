using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rayswarm.Grains;

/// <summary>Configures the workflow grains: their options, the step runner and the audit signer.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Registers the workflow services; <paramref name="configure"/> replaces earlier options. Safe to call more than once.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<WorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDomainReach();
        if (configure is not null)
        {
            var options = new WorkflowOptions();
            configure(options);
            options.Validate();
            services.RemoveAll<WorkflowOptions>();
            services.AddSingleton(options);
        }
        services.TryAddSingleton(new WorkflowOptions());
        services.TryAddSingleton(new WorkflowSigningOptions());
        services.TryAddSingleton<WorkflowSigner>();
        services.TryAddSingleton<WorkflowStepRunner>();
        return services;
    }

    /// <summary>Sets where the audit signing key comes from (<see cref="WorkflowSigningOptions"/>); hosts call this once.</summary>
    public static IServiceCollection AddWorkflowSigning(this IServiceCollection services, Action<WorkflowSigningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WorkflowSigningOptions();
        configure(options);
        services.RemoveAll<WorkflowSigningOptions>();
        return services.AddSingleton(options);
    }
}
