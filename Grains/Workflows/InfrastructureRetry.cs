using Microsoft.Extensions.Logging;

namespace Rayswarm.Grains;

/// <summary>
/// Retries the infrastructure failures (<see cref="WorkflowStepException.IsTransient"/>) of one run of an action or a
/// compensation: back-off from 100 ms doubling to 2 s, until <see cref="WorkflowOptions.InfrastructureRetryWindow"/> has passed
/// since the first of them. Other outcomes (an output, the domain's error, the step's timeout) end the call at once. Every
/// workflow call is idempotent by its key (<see cref="Interfaces.IdempotencyKeys"/>), so a call whose outcome is unknown can be
/// made again. One instance per run: the window is not reset by an answer in between.
/// </summary>
internal sealed class InfrastructureRetry(TimeSpan window, TimeProvider time, ILogger logger, string workflowId, string stepId)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private DateTimeOffset? _firstFailure;
    private TimeSpan _delay = FirstDelay;

    /// <summary>Runs <paramref name="call"/> until it answers, or throws the last infrastructure failure (still
    /// <see cref="WorkflowStepException.IsTransient"/>, its message saying for how long it was retried) once the window ran out.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (WorkflowStepException e) when (e.IsTransient)
            {
                var now = time.GetUtcNow();
                _firstFailure ??= now;
                var failingFor = now - _firstFailure.Value;
                if (failingFor >= window)
                {
                    throw new WorkflowStepException(
                        $"{e.Message} (an infrastructure failure, retried for {failingFor.TotalSeconds:0.#} s)", e.InnerException, isTransient: true);
                }
                logger.LogDebug(e, "Workflow {WorkflowId}: {StepId} met an infrastructure failure; retrying in {Delay}", workflowId, stepId, _delay);
                await Task.Delay(_delay, time);
                _delay = _delay * 2 < MaxDelay ? _delay * 2 : MaxDelay;
            }
        }
    }

    /// <summary><see cref="RunAsync{T}"/> for a call without a result.</summary>
    public Task RunAsync(Func<Task> call) => RunAsync(async () =>
    {
        await call();
        return true;
    });
}
