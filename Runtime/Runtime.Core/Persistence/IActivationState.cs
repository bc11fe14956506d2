namespace Rayswarm.Runtime.Core;

/// <summary>A persistent state bound to an activation; loaded before OnActivateAsync.</summary>
internal interface IActivationState
{
    Task LoadAsync(CancellationToken cancellationToken);
}
