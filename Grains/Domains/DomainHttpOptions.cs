namespace Rayswarm.Grains;

/// <summary>How the cluster calls domains that registered a network endpoint.</summary>
public sealed class DomainHttpOptions
{
    /// <summary>The longest a <c>POST {endpoint}/actions/{action}</c> (or its compensation) may take. Default 30 seconds.</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a <c>POST {endpoint}/events</c> delivery may take. Default 10 seconds.</summary>
    public TimeSpan EventTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (ActionTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ActionTimeout), ActionTimeout, "DomainHttpOptions.ActionTimeout must be greater than zero.");
        }
        if (EventTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(EventTimeout), EventTimeout, "DomainHttpOptions.EventTimeout must be greater than zero.");
        }
    }
}
