using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Rayswarm.Grains;

/// <summary>
/// Orleans' instruments that record something for every message or request (Orleans 10.4.2's <c>MessagingInstruments</c>,
/// <c>MessagingProcessingInstruments</c> and <c>ApplicationRequestInstruments</c>; a test lists the silo's meter against them): interlocked increments on counters that
/// every core shares, a latency histogram per request, and, for each message that crosses the network, a histogram
/// recording with three tags, two of them strings made for the occasion; and the directory lookups that address each
/// message. Orleans does that work only while a listener
/// enables the instrument, so our meter provider drops them (<see cref="MetricStreamConfiguration.Drop"/> leaves them
/// disabled) unless <see cref="TelemetryOptions.MessageMetrics"/> asks for them. Everything else of Orleans' meter is counted
/// per activation, lookup or storage call, or observed at the scrape, and stays.
/// </summary>
public static class OrleansMessageInstruments
{
    /// <summary>The instrument names, as Orleans' <c>InstrumentNames</c> spells them.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-app-requests-latency",
        "orleans-messaging-sent-messages-size",
        "orleans-messaging-received-messages-size",
        "orleans-messaging-sent-local",
        "orleans-messaging-processing-dispatcher-received",
        "orleans-messaging-processing-dispatcher-processed",
        "orleans-messaging-processing-dispatcher-forwarded",
        "orleans-messaging-processing-ima-received",
        "orleans-messaging-processing-ima-enqueued",
        // Addressing a message looks its target up in the directory's cache or local partition, counted every time.
        "orleans-directory-lookups-cache-issued",
        "orleans-directory-lookups-cache-successes",
        "orleans-directory-lookups-local-issued",
        "orleans-directory-lookups-local-successes",
        "orleans-directory-lookups-local-directory-issued",
        "orleans-directory-lookups-local-directory-successes",
        "orleans-directory-lookups-full-issued",
    };

    /// <summary>A view that drops them (and leaves every other instrument to the defaults).</summary>
    public static MetricStreamConfiguration? DropView(Instrument instrument) =>
        instrument.Meter.Name == TelemetryHostingExtensions.OrleansMeterName && Names.Contains(instrument.Name)
            ? MetricStreamConfiguration.Drop
            : null;
}
