using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The activation's own work, run as an exclusive turn: activation (construct, read state,
/// OnActivateAsync) or deactivation (OnDeactivateAsync).</summary>
internal sealed class LifecycleTurn(bool activating, DeactivationReason reason) : Turn(caller: null)
{
    public override bool IsReadOnly => false;

    public override bool IsAlwaysInterleave => false;

    public override Task Start(Activation activation) =>
        activating ? activation.RunActivationAsync() : activation.RunDeactivationAsync(reason);

    public override void Finish(Task task)
    {
        if (activating) { Activation!.OnActivated(task); }
        else { Activation!.OnDeactivated(task); }
    }

    public override void Reject(Exception exception) => Finish(Task.FromException(exception));
}
