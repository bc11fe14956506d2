using System.Net;
using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>Checks the endpoint and that an endpoint off loopback has a cluster secret.</summary>
internal sealed class EndpointOptionsValidator(IOptions<ClusterOptions> cluster) : IValidateOptions<EndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, EndpointOptions options)
    {
        if (!IPAddress.TryParse(options.AdvertisedHost, out var ip))
        {
            return ValidateOptionsResult.Fail($"EndpointOptions.AdvertisedHost must be an IP address (was '{options.AdvertisedHost}').");
        }
        if (options.Port is < 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"EndpointOptions.Port must be between 0 and 65535 (was {options.Port}).");
        }
        if (!IPAddress.IsLoopback(ip) && string.IsNullOrEmpty(cluster.Value.Secret))
        {
            return ValidateOptionsResult.Fail(
                $"EndpointOptions.AdvertisedHost {options.AdvertisedHost} is off loopback: ClusterOptions.Secret (Rayswarm:Cluster:Secret) is required.");
        }
        return ValidateOptionsResult.Success;
    }
}
