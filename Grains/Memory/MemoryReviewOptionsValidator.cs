using Microsoft.Extensions.Options;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Fails the start on a review setting that cannot work, naming it.</summary>
internal sealed class MemoryReviewOptionsValidator : IValidateOptions<MemoryReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryReviewOptions options)
    {
        if (options.Threshold is < 0 or > 1 || double.IsNaN(options.Threshold))
        {
            return ValidateOptionsResult.Fail($"{MemoryReviewOptions.Section}:Threshold must be between 0 and 1 (was {options.Threshold}).");
        }
        foreach (var domain in options.Domains.Where(d => d != PrincipalRoles.AnyDomain))
        {
            try
            {
                DomainRegistration.ValidateDomainId(domain);
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail($"{MemoryReviewOptions.Section}:Domains: {e.Message}");
            }
        }
        return ValidateOptionsResult.Success;
    }
}
