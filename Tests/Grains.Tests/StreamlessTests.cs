using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The registry on a silo without streams: it works, and announces nothing.</summary>
public sealed class StreamlessTests
{
    [Fact]
    public async Task Registration_works_on_a_silo_without_streams()
    {
        await using var silo = await RegistrySilo.StartAsync(streams: false);

        await silo.Registry.Register(new DomainRegistration("quiet", 8200, null, ["chat"]));

        Assert.Equal(DomainStatus.Healthy, (await silo.Registry.Get("quiet"))!.Status);
    }
}
