namespace Rayswarm.Cli;

/// <summary>No HTTP answer from the gateway at all: refused, unknown host, reset, or no answer in time.</summary>
internal sealed class GatewayUnreachableException(Uri gateway, string reason, Exception? inner = null)
    : CliException($"cannot reach the gateway at {gateway.GetLeftPart(UriPartial.Authority)}: {reason}", RayswarmCli.Failure, inner);
