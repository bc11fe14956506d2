using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Module_registers_a_proxy_factory_for_every_grain_interface()
    {
        var registry = SampleAssembly.Register();

        foreach (var name in new[] { "Sample.Contracts.INamed", "Sample.Contracts.ICounter", "Sample.Contracts.Outer+IPinger", "Other.Contracts.ICounter" })
        {
            var interfaceType = SampleAssembly.Type(name);
            var proxy = registry.GetInterface(interfaceType).CreateProxy(new GrainId("g", "1"), new RecordingCallRuntime());

            Assert.IsAssignableFrom(interfaceType, proxy);
            Assert.Equal(new GrainId("g", "1"), proxy.GrainId);
        }
    }

    [Fact]
    public void Module_registers_a_request_factory_for_every_method_by_its_id()
    {
        var registry = SampleAssembly.Register();
        var generated = MethodIdTests.GeneratedRequests(SampleAssembly.Assembly);

        Assert.Equal(9, generated.Select(static r => r.MethodId).Distinct().Count());
        foreach (var request in generated)
        {
            var created = registry.GetRequestFactory(request.MethodId)();
            Assert.Equal(request.Signature, MethodMetadata.Signature(created.Method.InterfaceType, created.Method.MethodName, created.Method.ParameterTypes));
            Assert.NotSame(created, registry.GetRequestFactory(request.MethodId)());
        }
    }

    [Fact]
    public void Registering_another_signature_under_a_taken_method_id_throws_naming_both()
    {
        var registry = new GrainCodeRegistry();
        var ping = new MethodMetadata(typeof(IRemindable), "Ping", null, [typeof(int)], 7u, false, false, null);
        var pong = new MethodMetadata(typeof(IRemindable), "Pong", null, [typeof(string)], 7u, false, false, null);
        registry.AddRequest(ping, static () => null!);

        registry.AddRequest(new MethodMetadata(typeof(IRemindable), "Ping", null, [typeof(int)], 7u, true, false, null), static () => null!);
        var error = Assert.Throws<InvalidOperationException>(() => registry.AddRequest(pong, static () => null!));

        Assert.Contains("Rayswarm.Runtime.Abstractions.IRemindable.Ping(System.Int32)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rayswarm.Runtime.Abstractions.IRemindable.Pong(System.String)", error.Message, StringComparison.Ordinal);
        Assert.Contains("0x00000007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_method_id_throws_naming_the_id()
    {
        var registry = new GrainCodeRegistry();

        var error = Assert.Throws<InvalidOperationException>(() => registry.GetRequestFactory(0xDEADBEEFu));
        Assert.Throws<InvalidOperationException>(() => registry.GetRequestFactory(0xDEADBEEFu));
        registry.AddRequest(new MethodMetadata(typeof(IRemindable), "Late", null, [], 0xDEADBEEFu, false, false, null), static () => null!);

        Assert.Contains("0xDEADBEEF", error.Message, StringComparison.Ordinal);
        Assert.NotNull(registry.GetRequestFactory(0xDEADBEEFu));
    }

    [Fact]
    public void Grain_class_registration_carries_grain_type_interfaces_and_class_attributes()
    {
        var registry = SampleAssembly.Register();

        var counter = registry.GetClass("counter");
        Assert.Equal(SampleAssembly.Type("Sample.Grains.CounterGrain"), counter.ClassType);
        Assert.Equal(
            new[] { SampleAssembly.Type("Sample.Contracts.ICounter"), SampleAssembly.Type("Sample.Contracts.INamed"), typeof(IRemindable) }.OrderBy(static t => t.FullName),
            counter.Interfaces.OrderBy(static t => t.FullName));
        Assert.True(counter.IsReentrant);
        Assert.Null(counter.StatelessWorkerMaxLocal);
        Assert.Equal(TimeSpan.FromMinutes(2), counter.CollectionAge);
        Assert.Equal(new CollectionAgeLimitAttribute { Minutes = 2 }.Amount, counter.CollectionAge);

        var worker = registry.GetClass("PingWorker");
        Assert.Equal(4, worker.StatelessWorkerMaxLocal);
        Assert.False(worker.IsReentrant);
        Assert.Null(worker.CollectionAge);
        Assert.Equal([SampleAssembly.Type("Sample.Contracts.Outer+IPinger")], worker.Interfaces);

        var resetter = registry.GetClass("Resetter");
        Assert.True(resetter.IsReentrant);
        Assert.Same(resetter, registry.GetClassFor(SampleAssembly.Type("Other.Contracts.ICounter")));
    }

    [Fact]
    public void Grain_factory_uses_the_largest_public_constructor_and_injects_state_services_and_context()
    {
        var registry = SampleAssembly.Register();
        var clock = Activator.CreateInstance(SampleAssembly.Type("Sample.Grains.FixedClock"))!;
        var clockType = SampleAssembly.Type("Sample.Grains.IClock");
        var context = new RecordingGrainContext(new ServiceMap(new Dictionary<Type, object> { [clockType] = clock }));

        Grain grain;
        using (Grain.BeginConstruction(context))
        {
            grain = registry.GetClass("counter").Create(context.Services, context);
        }

        var state = Assert.Single(context.RequestedStates);
        Assert.Equal(("counter", "store", SampleAssembly.Type("Sample.Grains.CounterState")), (state.StateName, state.StorageName, state.StateType));
        Assert.Same(state.State, Property(grain, "State"));
        Assert.Same(context.GrainFactory, Property(grain, "Factory"));
        Assert.Same(clock, Property(grain, "Clock"));
        Assert.Same(context, Property(grain, "Context"));
        Assert.Null(Property(grain, "Tracer"));
        Assert.Equal(3, Property(grain, "Retries"));
        Assert.Same(context, grain.GrainContext);
    }

    [Fact]
    public void Grain_factory_fails_when_a_required_service_is_missing()
    {
        var registry = SampleAssembly.Register();
        var context = new RecordingGrainContext(new ServiceMap(new Dictionary<Type, object>()));

        using (Grain.BeginConstruction(context))
        {
            Assert.Throws<InvalidOperationException>(() => registry.GetClass("counter").Create(context.Services, context));
        }
    }

    private static object? Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);
}
