namespace Rayswarm.CodeGen.Tests;

/// <summary>
/// Grain code that uses every feature the generator supports: overloads, Task and Task&lt;T&gt;, nullable and tuple
/// types, keyword names, inherited and foreign (IRemindable) interfaces, nested interfaces, same-named interfaces in
/// two namespaces, method and class attributes, and constructor injection with a persistent state.
/// </summary>
internal static class ValidSample
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Rayswarm.Runtime.Abstractions;

        namespace Sample.Contracts
        {
            public interface INamed : IGrainWithStringKey
            {
                [ReadOnly]
                Task<string?> GetName();
            }

            public interface ICounter : INamed, IRemindable
            {
                Task Add(int amount);

                Task Add(int amount, string? reason);

                [AlwaysInterleave]
                [ResponseTimeout("00:00:05")]
                Task<long> Total();

                Task<(int Count, string? Last)> Summary(IReadOnlyList<string?> tags, long? limit);

                Task @event(string @class);
            }

            public static class Outer
            {
                public interface IPinger : IGrainWithGuidKey
                {
                    Task Ping();
                }
            }
        }

        namespace Other.Contracts
        {
            public interface ICounter : IGrainWithIntegerKey
            {
                Task Reset();
            }
        }

        namespace Sample.Grains
        {
            public sealed class CounterState
            {
                public long Total { get; set; }
            }

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public interface ITracer
            {
            }

            public sealed class FixedClock : IClock
            {
                public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
            }

            [Reentrant]
            [CollectionAgeLimit(Minutes = 2)]
            [GrainType("counter")]
            public sealed class CounterGrain : Grain, Sample.Contracts.ICounter
            {
                public CounterGrain(IClock clock)
                    : this(null!, null!, clock, null!)
                {
                }

                public CounterGrain(
                    [PersistentState("counter", "store")] IPersistentState<CounterState> state,
                    IGrainFactory factory,
                    IClock clock,
                    IGrainContext context,
                    ITracer? tracer = null,
                    int retries = 3)
                {
                    State = state;
                    Factory = factory;
                    Clock = clock;
                    Context = context;
                    Tracer = tracer;
                    Retries = retries;
                }

                public IPersistentState<CounterState> State { get; }

                public IGrainFactory Factory { get; }

                public IClock Clock { get; }

                public IGrainContext Context { get; }

                public ITracer? Tracer { get; }

                public int Retries { get; }

                public Task Add(int amount)
                {
                    State.State.Total += amount;
                    return Task.CompletedTask;
                }

                public Task Add(int amount, string? reason) => Add(amount);

                public Task<long> Total() => Task.FromResult(State.State.Total);

                public Task<(int Count, string? Last)> Summary(IReadOnlyList<string?> tags, long? limit) =>
                    Task.FromResult<(int Count, string? Last)>((tags.Count, null));

                public Task @event(string @class) => Task.CompletedTask;

                public Task<string?> GetName() => Task.FromResult<string?>(GetPrimaryKeyString());

                public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
            }

            [StatelessWorker(4)]
            public sealed class PingWorker : Grain, Sample.Contracts.Outer.IPinger
            {
                public Task Ping() => Task.CompletedTask;
            }

            [Reentrant]
            public abstract class ResettableBase : Grain
            {
            }

            public sealed class Resetter : ResettableBase, Other.Contracts.ICounter
            {
                public Task Reset() => Task.CompletedTask;
            }
        }

        namespace Sample.Fakes
        {
            // A hand-written implementation that records the calls a request makes on it.
            public sealed class FakeCounter : Sample.Contracts.ICounter
            {
                public List<string> Calls { get; } = new();

                public Task Add(int amount)
                {
                    Calls.Add($"Add({amount})");
                    return Task.CompletedTask;
                }

                public Task Add(int amount, string? reason)
                {
                    Calls.Add($"Add({amount}, {reason ?? "null"})");
                    return Task.CompletedTask;
                }

                public Task<long> Total()
                {
                    Calls.Add("Total()");
                    return Task.FromResult(42L);
                }

                public Task<(int Count, string? Last)> Summary(IReadOnlyList<string?> tags, long? limit)
                {
                    Calls.Add($"Summary({tags.Count}, {limit?.ToString() ?? "null"})");
                    return Task.FromResult<(int Count, string? Last)>((tags.Count, tags.Count > 0 ? tags[^1] : null));
                }

                public Task @event(string @class)
                {
                    Calls.Add($"event({@class})");
                    return Task.CompletedTask;
                }

                public Task<string?> GetName()
                {
                    Calls.Add("GetName()");
                    return Task.FromResult<string?>("fake");
                }

                public Task ReceiveReminder(string reminderName, TickStatus status)
                {
                    Calls.Add($"ReceiveReminder({reminderName}, {status.MissedTicks})");
                    return Task.CompletedTask;
                }
            }
        }
        """;
}
