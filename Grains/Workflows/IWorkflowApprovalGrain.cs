using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>How a decision reaches the workflow that waits for it (<see cref="ReviewsGrain"/> calls it once the review store
/// has recorded the decision). A waiting workflow has no activation: the call wakes it.</summary>
internal interface IWorkflowApprovalGrain : IGrainWithStringKey
{
    /// <summary>The review of approval step <paramref name="stepId"/> was decided as <paramref name="review"/> says; ignored
    /// when the step no longer waits for that review.</summary>
    Task Decided(string stepId, ReviewInfo review);
}
