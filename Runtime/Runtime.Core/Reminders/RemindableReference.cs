using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The proxy of <see cref="IRemindable"/>, written by hand because the abstractions assembly has no generated code.</summary>
internal sealed class RemindableReference(GrainId grainId, IGrainCallRuntime runtime) : GrainReference(grainId, runtime), IRemindable
{
    /// <summary>Registers the proxy and its request, as a generated module would.</summary>
    public static void Register(GrainCodeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddInterface(new GrainInterfaceMetadata(typeof(IRemindable), static (id, rt) => new RemindableReference(id, rt)));
        registry.AddRequest(ReceiveReminderRequest.Metadata, static () => new ReceiveReminderRequest());
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        Runtime.InvokeAsync(this, new ReceiveReminderRequest { ReminderName = reminderName, Status = status });

    private sealed class ReceiveReminderRequest : Request
    {
        // The id is computed from the types, the same as the generator's constant for this method.
        public static readonly MethodMetadata Metadata =
            new(typeof(IRemindable), nameof(IRemindable.ReceiveReminder), null, [typeof(string), typeof(TickStatus)], false, false, null);

        public string ReminderName = "";
        public TickStatus Status;

        public override MethodMetadata Method => Metadata;

        public override int ArgumentCount => 2;

        public override Task Invoke(object grain) => ((IRemindable)grain).ReceiveReminder(ReminderName, Status);

        public override object? GetResult(Task completed) => null;

        public override object? GetArgument(int index) => index switch
        {
            0 => ReminderName,
            1 => Status,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public override void SetArgument(int index, object? value)
        {
            switch (index)
            {
                case 0: ReminderName = (string)value!; break;
                case 1: Status = (TickStatus)value!; break;
                default: throw new ArgumentOutOfRangeException(nameof(index));
            }
        }
    }
}
