using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm review list|approve|reject|correct</c>: approvals that workflows wait for and contributions under review
/// (<c>/domains/reviews</c>).</summary>
internal static class ReviewCommand
{
    public static Command Create(CliIo io)
    {
        var review = new Command("review", "List pending approvals and reviews, and decide them.");
        review.Subcommands.Add(ReviewListCommand.Create(io));
        review.Subcommands.Add(ReviewDecideCommand.Create(io, "approve", "Approve a pending approval: the workflow continues."));
        review.Subcommands.Add(ReviewDecideCommand.Create(io, "reject", "Reject a pending approval (the workflow compensates) or a contribution (it is retracted)."));
        review.Subcommands.Add(ReviewCorrectCommand.Create(io));
        return review;
    }

    public static string Path(string id) => "/domains/reviews/" + Uri.EscapeDataString(id);
}
