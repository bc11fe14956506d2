using Microsoft.Extensions.Hosting;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Code;

/// <summary>Runs one small analysis in the background when the host starts, so Roslyn is loaded and compiled before the
/// first real call (cold, the first analysis takes seconds on a small machine, near a grain call's timeout). Until it is
/// done the process's <c>/readyz</c> says so (<see cref="IReadinessCheck"/>).</summary>
internal sealed class CodeWarmUp : IHostedService, IReadinessCheck
{
    private volatile bool _done;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                CSharpAnalyzer.Analyze([new SourceFile("warm-up.cs", "class WarmUp { int Twice(int x) => x > 0 ? x * 2 : 0; }")]);
            }
            finally
            {
                _done = true; // a failure here shows on the first real call, with its message
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string? WhyNotReady() => _done ? null : "the code domain is loading Roslyn";
}
