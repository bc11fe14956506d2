using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Stands in when the host chose no review store: every call fails saying how to choose one.</summary>
internal sealed class UnconfiguredReviewStore : IReviewStore
{
    public static readonly UnconfiguredReviewStore Instance = new();

    public const string Message =
        "The reviews have no store: call AddSqliteReviews(path) or AddPostgresReviews(connectionString) on the silo's services.";

    public Task OpenAsync(ReviewInfo review, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<ReviewInfo?> GetAsync(string reviewId, CancellationToken cancellationToken = default) => Fail<ReviewInfo?>();

    public Task<IReadOnlyList<ReviewInfo>> ListAsync(IReadOnlyList<string>? domains, string? status, int limit, CancellationToken cancellationToken = default) =>
        Fail<IReadOnlyList<ReviewInfo>>();

    public Task<bool> DecideAsync(ReviewInfo decided, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<IReadOnlyList<(string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt)>> OutcomesAsync(string? domainId, string kind,
        CancellationToken cancellationToken = default) => Fail<IReadOnlyList<(string, DateTimeOffset, DateTimeOffset?)>>();

    private static Task<T> Fail<T>() => Task.FromException<T>(new InvalidOperationException(Message));
}
