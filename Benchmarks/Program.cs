using Rayswarm.Benchmarks;

return await BenchmarkRunner.RunAsync(args);
