using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Publishes the review events (<see cref="ReviewEvents"/>) on the event bus, each once: its event id is derived from
/// the event type and the review id, so a repeated announcement (a retried decision, a repair) returns the stored event.</summary>
internal static class ReviewAnnouncements
{
    public static async Task AnnounceReviewAsync(this Grain grain, string eventType, ReviewInfo review, params (string Name, object? Value)[] extra)
    {
        if (grain.GrainContext.ActivationServices.GetService<IEventStreams>() is not { } streams) { return; }
        var data = new Dictionary<string, object?>
        {
            ["review_id"] = review.ReviewId,
            ["kind"] = review.Kind,
            ["domain_id"] = review.DomainId,
            ["subject_id"] = review.SubjectId,
        };
        if (review.Kind == ReviewKinds.Contribution)
        {
            data["contribution_id"] = review.SubjectId;
        }
        else
        {
            data["workflow_id"] = review.SubjectId;
            data["step_id"] = review.StepId;
        }
        if (review.DecidedBy is not null)
        {
            data["decided_by"] = review.DecidedBy;
            data["comment"] = review.Comment;
        }
        foreach (var (name, value) in extra) { data[name] = value; }
        await streams.PublishAsync(StreamId.Create(RegistryEvents.Namespace, eventType), data, $"{eventType}.{review.ReviewId}");
    }
}
