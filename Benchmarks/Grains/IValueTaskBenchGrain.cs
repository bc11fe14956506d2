namespace Rayswarm.Benchmarks;

/// <summary><see cref="IBenchGrain"/> returning a <see cref="ValueTask{TResult}"/>: Orleans completes such calls through pooled
/// completion sources instead of a Task per call.</summary>
public interface IValueTaskBenchGrain : IGrainWithIntegerKey
{
    ValueTask<int> Ping(int value);
}
