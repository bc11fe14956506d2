using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

public sealed class ProxyTests
{
    private static readonly GrainId s_counterId = new("counter", "c1");

    [Fact]
    public async Task Proxy_sends_a_request_naming_the_method_and_carrying_the_arguments()
    {
        var (proxy, runtime, counter) = CreateCounterProxy();

        await (Task)SampleAssembly.Call(proxy, counter, "Add", 5, "bonus")!;

        var call = Assert.Single(runtime.Calls);
        Assert.Same(proxy, call.Target);
        Assert.Null(call.ResultType);
        Assert.Equal("Add", call.Request.Method.MethodName);
        Assert.Equal(counter, call.Request.Method.InterfaceType);
        Assert.Equal(2, call.Request.ArgumentCount);
        Assert.Equal(5, call.Request.GetArgument(0));
        Assert.Equal("bonus", call.Request.GetArgument(1));
    }

    [Fact]
    public async Task Overloads_get_distinct_requests()
    {
        var (proxy, runtime, counter) = CreateCounterProxy();

        await (Task)SampleAssembly.Call(proxy, counter, "Add", 1)!;
        await (Task)SampleAssembly.Call(proxy, counter, "Add", 2, null)!;

        Assert.Equal([1, 2], runtime.Calls.Select(static c => c.Request.ArgumentCount));
        Assert.NotEqual(runtime.Calls[0].Request.GetType(), runtime.Calls[1].Request.GetType());
        Assert.Null(runtime.Calls[1].Request.GetArgument(1));
    }

    [Fact]
    public async Task Task_of_T_method_returns_the_runtime_result()
    {
        var (proxy, runtime, counter) = CreateCounterProxy();
        runtime.Result = 42L;

        var total = await (Task<long>)SampleAssembly.Call(proxy, counter, "Total")!;

        Assert.Equal(42L, total);
        Assert.Equal(typeof(long), Assert.Single(runtime.Calls).ResultType);
    }

    [Fact]
    public async Task Inherited_and_foreign_interface_methods_are_sent_with_their_declaring_interface()
    {
        var (proxy, runtime, _) = CreateCounterProxy();
        runtime.Result = "name";
        var named = SampleAssembly.Type("Sample.Contracts.INamed");
        var status = new TickStatus(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), DateTimeOffset.UnixEpoch, 3);

        Assert.Equal("name", await (Task<string?>)SampleAssembly.Call(proxy, named, "GetName")!);
        await ((IRemindable)proxy).ReceiveReminder("tick", status);

        Assert.Equal(named, runtime.Calls[0].Request.Method.InterfaceType);
        Assert.Equal(typeof(IRemindable), runtime.Calls[1].Request.Method.InterfaceType);
        Assert.Equal("ReceiveReminder", runtime.Calls[1].Request.Method.MethodName);
        Assert.Equal(status, runtime.Calls[1].Request.GetArgument(1));
    }

    [Fact]
    public void Request_metadata_carries_result_type_and_method_attributes()
    {
        var (proxy, runtime, counter) = CreateCounterProxy();

        SampleAssembly.Call(proxy, counter, "Add", 1);
        SampleAssembly.Call(proxy, counter, "Total");
        SampleAssembly.Call(proxy, SampleAssembly.Type("Sample.Contracts.INamed"), "GetName");
        SampleAssembly.Call(proxy, counter, "Summary", new List<string?> { "a" }, null);

        var (add, total, getName, summary) = (runtime.Calls[0].Request.Method, runtime.Calls[1].Request.Method, runtime.Calls[2].Request.Method, runtime.Calls[3].Request.Method);
        Assert.Null(add.ResultType);
        Assert.False(add.IsReadOnly);
        Assert.False(add.IsAlwaysInterleave);
        Assert.Null(add.ResponseTimeout);
        Assert.Equal(typeof(long), total.ResultType);
        Assert.False(total.IsReadOnly);
        Assert.True(total.IsAlwaysInterleave);
        Assert.Equal(TimeSpan.FromSeconds(5), total.ResponseTimeout);
        Assert.Equal(typeof(string), getName.ResultType);
        Assert.True(getName.IsReadOnly);
        Assert.False(getName.IsAlwaysInterleave);
        Assert.Null(getName.ResponseTimeout);
        Assert.Equal(typeof(ValueTuple<int, string>), summary.ResultType);
        Assert.Equal([typeof(int)], add.ParameterTypes);
        Assert.Empty(total.ParameterTypes);
        Assert.Equal([typeof(IReadOnlyList<string>), typeof(long?)], summary.ParameterTypes);
        Assert.Equal("ICounter.Total", total.DisplayName);
    }

    [Fact]
    public void Each_request_type_shares_one_metadata_instance()
    {
        var (proxy, runtime, counter) = CreateCounterProxy();

        SampleAssembly.Call(proxy, counter, "Total");
        SampleAssembly.Call(proxy, counter, "Total");

        Assert.Same(runtime.Calls[0].Request.Method, runtime.Calls[1].Request.Method);
        Assert.NotSame(runtime.Calls[0].Request, runtime.Calls[1].Request);
    }

    private static (GrainReference Proxy, RecordingCallRuntime Runtime, Type Counter) CreateCounterProxy()
    {
        var counter = SampleAssembly.Type("Sample.Contracts.ICounter");
        var runtime = new RecordingCallRuntime();
        var proxy = SampleAssembly.Register().GetInterface(counter).CreateProxy(s_counterId, runtime);
        return (proxy, runtime, counter);
    }
}
