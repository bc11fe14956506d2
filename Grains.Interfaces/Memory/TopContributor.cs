namespace Rayswarm.Grains.Interfaces;

/// <summary>A domain ranked by how much it contributed.</summary>
/// <param name="DomainId">The domain.</param>
/// <param name="Contributions">How many contributions it made.</param>
/// <param name="AverageConfidence">The mean confidence of its contributions.</param>
/// <param name="VerificationsReceived">Confirmations its contributions received from other domains.</param>
/// <param name="SuccessfulApplications">Successful applications of its contributions.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.TopContributor")]
public sealed record TopContributor(string DomainId, int Contributions, double AverageConfidence, int VerificationsReceived, int SuccessfulApplications);
