namespace Rayswarm.Grains.Interfaces;

/// <summary>The values of <see cref="ReviewInfo.Kind"/>.</summary>
public static class ReviewKinds
{
    /// <summary>A workflow's approval step: approve continues the workflow, reject compensates it.</summary>
    public const string Approval = "approval";

    /// <summary>A contribution to the shared memory: accept, correct or reject it.</summary>
    public const string Contribution = "contribution";
}
