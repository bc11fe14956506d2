using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

public sealed class RequestTests
{
    [Fact]
    public async Task Request_invokes_the_method_on_the_grain_with_its_arguments()
    {
        var add = CaptureRequest("Add", 5, "bonus");
        var fake = NewFake();

        await add.Invoke(fake);

        Assert.Equal(["Add(5, bonus)"], Calls(fake));
    }

    [Fact]
    public async Task Request_of_a_Task_of_T_method_returns_the_grain_result()
    {
        var total = CaptureRequest("Total");

        var task = total.Invoke(NewFake());

        Assert.Equal(42L, await Assert.IsAssignableFrom<Task<long>>(task));
    }

    [Fact]
    public async Task Set_argument_changes_what_the_grain_receives()
    {
        var summary = CaptureRequest("Summary", new List<string?> { "a", "b" }, 7L);
        var fake = NewFake();

        summary.SetArgument(1, null);
        var result = await (Task<(int Count, string? Last)>)summary.Invoke(fake);

        Assert.Equal(["Summary(2, null)"], Calls(fake));
        Assert.Equal((2, "b"), result);
        Assert.Null(summary.GetArgument(1));
    }

    [Fact]
    public async Task Get_result_returns_the_result_of_a_completed_task_boxed_and_null_for_a_Task_method()
    {
        var total = CaptureRequest("Total");
        var add = CaptureRequest("Add", 5);
        var fake = NewFake();

        var totalTask = total.Invoke(fake);
        var addTask = add.Invoke(fake);
        await Task.WhenAll(totalTask, addTask);

        Assert.Equal(42L, total.GetResult(totalTask));
        Assert.Null(add.GetResult(addTask));
    }

    [Fact]
    public void Request_rejects_an_argument_index_out_of_range()
    {
        var add = CaptureRequest("Add", 5, "bonus");
        var total = CaptureRequest("Total");

        Assert.Throws<ArgumentOutOfRangeException>(() => add.GetArgument(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => add.SetArgument(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => total.GetArgument(0));
        Assert.Equal(0, total.ArgumentCount);
    }

    [Fact]
    public async Task Request_of_a_keyword_named_method_calls_it()
    {
        var request = CaptureRequest("event", "x");
        var fake = NewFake();

        await request.Invoke(fake);

        Assert.Equal("event", request.Method.MethodName);
        Assert.Equal(["event(x)"], Calls(fake));
    }

    private static Request CaptureRequest(string method, params object?[] arguments)
    {
        var counter = SampleAssembly.Type("Sample.Contracts.ICounter");
        var runtime = new RecordingCallRuntime();
        var proxy = SampleAssembly.Register().GetInterface(counter).CreateProxy(new GrainId("counter", "c1"), runtime);
        SampleAssembly.Call(proxy, counter, method, arguments);
        return Assert.Single(runtime.Calls).Request;
    }

    private static object NewFake() => Activator.CreateInstance(SampleAssembly.Type("Sample.Fakes.FakeCounter"))!;

    private static List<string> Calls(object fake) => (List<string>)fake.GetType().GetProperty("Calls")!.GetValue(fake)!;
}
