using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>A started host that stops (gracefully) and disposes itself at the end of a using block.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private const int StopTimeoutMs = 60_000;

    private readonly IHost _host;

    private RunningHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<RunningHost> StartAsync(IHost host, int timeoutMs)
    {
        try
        {
            await host.StartAsync().Within(timeoutMs);
            return new RunningHost(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync().Within(StopTimeoutMs);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
