using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The proxy of <see cref="IStreamConsumer"/>, written by hand because the abstractions assembly has no generated code.</summary>
internal sealed class StreamConsumerReference(GrainId grainId, IGrainCallRuntime runtime) : GrainReference(grainId, runtime), IStreamConsumer
{
    /// <summary>Registers the proxy and its request, as a generated module would.</summary>
    public static void Register(GrainCodeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddInterface(new GrainInterfaceMetadata(typeof(IStreamConsumer), static (id, rt) => new StreamConsumerReference(id, rt)));
        registry.AddRequest(OnEventRequest.Metadata, static () => new OnEventRequest());
    }

    public Task OnEvent(string subscription, StreamEvent streamEvent) =>
        Runtime.InvokeAsync(this, new OnEventRequest { Subscription = subscription, Event = streamEvent });

    private sealed class OnEventRequest : Request
    {
        public static readonly MethodMetadata Metadata =
            new(typeof(IStreamConsumer), nameof(IStreamConsumer.OnEvent), null, [typeof(string), typeof(StreamEvent)], false, false, null);

        public string Subscription = "";
        public StreamEvent Event = null!;

        public override MethodMetadata Method => Metadata;

        public override int ArgumentCount => 2;

        public override Task Invoke(object grain) => ((IStreamConsumer)grain).OnEvent(Subscription, Event);

        public override object? GetResult(Task completed) => null;

        public override object? GetArgument(int index) => index switch
        {
            0 => Subscription,
            1 => Event,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public override void SetArgument(int index, object? value)
        {
            switch (index)
            {
                case 0: Subscription = (string)value!; break;
                case 1: Event = (StreamEvent)value!; break;
                default: throw new ArgumentOutOfRangeException(nameof(index));
            }
        }
    }
}
