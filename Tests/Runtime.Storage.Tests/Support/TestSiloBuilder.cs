using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The smallest silo builder: a host's services and configuration.</summary>
internal sealed class TestSiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
{
    public TestSiloBuilder() : this(new ServiceCollection(), new ConfigurationBuilder().Build()) { }

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
