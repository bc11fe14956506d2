namespace Rayswarm.Deploy.Tests;

/// <summary>
/// The Silo and Gateway published once per test run with the Dockerfile's own <c>dotnet publish</c> commands (plus
/// <c>--no-build</c>: the test build already compiled them, in the tests' configuration), into a temporary folder that
/// stands for the build stage's <c>/out</c>. <see cref="CommandLine"/> turns an image's ENTRYPOINT into the command that
/// runs the published app here.
/// </summary>
public sealed class PublishedApps
{
    private static readonly Lazy<Task<PublishedApps>> s_instance = new(PublishAsync);
    private readonly string _out;

    private PublishedApps(string output) => _out = output;

    public static Task<PublishedApps> GetAsync() => s_instance.Value;

    /// <summary>The command (program and arguments) that runs <paramref name="target"/>'s ENTRYPOINT with
    /// <paramref name="arguments"/> (a compose command, a container's args) on the published files.</summary>
    public (string Program, IReadOnlyList<string> Arguments) CommandLine(string target, IEnumerable<string>? arguments = null)
    {
        var entrypoint = Dockerfile.Repository.Entrypoint(target);
        // The runtime stage copies the build stage's /out/<app> to /app: the same mapping here.
        var copy = Dockerfile.Repository.InStage(target, "COPY").Single(c => c.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
        var parts = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (from, to) = (parts[1], parts[2]);
        var local = Path.Combine(_out, Path.GetRelativePath("/out", from));
        var mapped = entrypoint.Select(a => a.StartsWith(to + "/", StringComparison.Ordinal) ? Path.Combine(local, a[(to.Length + 1)..]) : a).ToList();
        // Arguments replace the image's CMD (compose's command, a container's args), as in a container.
        var given = arguments?.ToList() is { Count: > 0 } list ? list : Dockerfile.Repository.Cmd(target);
        return (mapped[0], [.. mapped.Skip(1), .. given]);
    }

    private static async Task<PublishedApps> PublishAsync()
    {
        var output = Repository.TemporaryDirectory("publish");
        foreach (var command in Dockerfile.Repository.PublishCommands())
        {
            var arguments = new List<string>();
            for (var i = 0; i < command.Count; i++)
            {
                switch (command[i])
                {
                    case "-c" or "--configuration":
                        arguments.AddRange(["-c", Repository.Configuration]);
                        i++;
                        break;
                    case "-o" or "--output":
                        arguments.AddRange(["-o", Path.Combine(output, Path.GetRelativePath("/out", command[++i]))]);
                        break;
                    default:
                        arguments.Add(command[i]);
                        break;
                }
            }
            arguments.Add("--no-build");
            await Command.RunCheckedAsync("dotnet", arguments, timeoutMs: 300_000);
        }
        return new PublishedApps(output);
    }
}
