namespace Rayswarm.Cli;

/// <summary>The gateway answered with an error (an RFC 7807 problem): its status, title and detail.</summary>
internal sealed class GatewayProblemException(int status, string title, string? detail)
    : CliException($"{status} {title}{(string.IsNullOrEmpty(detail) ? "" : ": " + detail)}")
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;
}
