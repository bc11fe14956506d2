using System.Reflection;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class MethodIdTests
{
    [Fact]
    public void Generated_method_ids_equal_the_ids_computed_from_reflection()
    {
        var requests = typeof(MethodIdTests).Assembly.GetTypes()
            .Where(static t => t.Namespace == "Rayswarm.Generated" && t.IsSubclassOf(typeof(Request)))
            .Select(static t => (Request)Activator.CreateInstance(t)!)
            .ToList();
        var methods = new[] { typeof(ICalculatorGrain), typeof(IPeerGrain), typeof(IAdvancedPeerGrain) }
            .SelectMany(static t => t.GetInterfaces().Append(t))
            .Distinct()
            .SelectMany(static t => t.GetMethods())
            .ToList();

        Assert.Equal(7, methods.Count);
        foreach (var method in methods)
        {
            var parameters = method.GetParameters().Select(static p => p.ParameterType).ToArray();
            var id = MethodMetadata.ComputeId(MethodMetadata.Signature(method.DeclaringType!, method.Name, parameters));
            var generated = requests.Where(r => r.Method.MethodId == id).ToList();
            Assert.NotEmpty(generated);
            Assert.All(generated, r => Assert.Equal(parameters, r.Method.ParameterTypes));
            Assert.All(generated, r => Assert.Equal((method.DeclaringType, method.Name), (r.Method.InterfaceType, r.Method.MethodName)));
        }
    }

    [Fact]
    public void The_hand_written_IRemindable_request_has_the_id_the_generator_gives_the_same_method()
    {
        var registry = new GrainCodeRegistry();
        Core.RemindableReference.Register(registry);
        var generated = new ReferenceRuntime().Capture<ICalculatorGrain>(static g => g.ReceiveReminder("r", default));

        var handWritten = registry.GetRequestFactory(generated.Method.MethodId)();

        Assert.Equal(typeof(IRemindable), handWritten.Method.InterfaceType);
        Assert.NotEqual(generated.GetType(), handWritten.GetType());
        Assert.Equal([typeof(string), typeof(TickStatus)], handWritten.Method.ParameterTypes);
    }

    [Fact]
    public void Generated_results_are_read_through_GetResult()
    {
        var runtime = new ReferenceRuntime();
        var add = runtime.Capture<ICalculatorGrain>(static g => g.Add(1, "a"));

        Assert.Equal(5, add.GetResult(Task.FromResult(5)));
        Assert.Null(runtime.Capture<ICalculatorGrain>(static g => g.Reset()).GetResult(Task.CompletedTask));
        Assert.Equal(typeof(int), add.Method.ResultType);
        Assert.Contains(typeof(MethodIdTests).Assembly.GetTypes(), static t => t.GetMethod("RegisterRequests", BindingFlags.Static | BindingFlags.NonPublic) is not null);
    }
}
