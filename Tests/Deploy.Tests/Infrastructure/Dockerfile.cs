using System.Text.RegularExpressions;

namespace Rayswarm.Deploy.Tests;

/// <summary>deploy/docker/Dockerfile read as instructions: stages, their ENV, EXPOSE, ENTRYPOINT, HEALTHCHECK and the
/// publish commands, so the tests run what the images would.</summary>
public sealed partial class Dockerfile
{
    public sealed record Instruction(string Stage, string Keyword, string Arguments);

    private readonly List<Instruction> _instructions = [];
    private readonly Dictionary<string, string?> _stageParents = new(StringComparer.Ordinal);

    public static readonly Dockerfile Repository = Parse(Tests.Repository.Read("deploy", "docker", "Dockerfile"));

    public IReadOnlyList<Instruction> Instructions => _instructions;

    public static Dockerfile Parse(string text)
    {
        var file = new Dockerfile();
        var stage = "";
        var joined = Regex.Replace(text, @"\\\r?\n", " ");
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) { continue; }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var m = FromLine().Match(arguments);
                stage = m.Groups["name"].Success ? m.Groups["name"].Value : "";
                var image = m.Groups["image"].Value;
                file._stageParents[stage] = file._stageParents.ContainsKey(image) ? image : null;
            }
            file._instructions.Add(new Instruction(stage, keyword, arguments));
        }
        return file;
    }

    /// <summary>The stages <paramref name="target"/> builds on, itself last.</summary>
    public IReadOnlyList<string> Chain(string target)
    {
        var chain = new List<string>();
        for (string? s = target; s is not null; s = _stageParents.GetValueOrDefault(s)) { chain.Insert(0, s); }
        return chain;
    }

    public IEnumerable<Instruction> InStage(string target, string keyword) =>
        Chain(target).SelectMany(s => _instructions.Where(i => i.Stage == s && i.Keyword == keyword));

    /// <summary>The environment the image sets (ENV of the target and the stages it builds on).</summary>
    public IReadOnlyDictionary<string, string> Environment(string target)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in InStage(target, "ENV"))
        {
            foreach (Match m in EnvPair().Matches(i.Arguments)) { env[m.Groups[1].Value] = m.Groups[2].Value.Trim('"'); }
        }
        return env;
    }

    public IReadOnlyList<int> Exposed(string target) =>
        [.. InStage(target, "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse)];

    /// <summary>ENTRYPOINT in exec form, e.g. ["dotnet", "/app/Rayswarm.Silo.dll"].</summary>
    public IReadOnlyList<string> Entrypoint(string target) => ExecForm(InStage(target, "ENTRYPOINT").Last().Arguments);

    /// <summary>CMD in exec form: the default arguments to the ENTRYPOINT (empty without CMD).</summary>
    public IReadOnlyList<string> Cmd(string target) => InStage(target, "CMD").LastOrDefault() is { } cmd ? ExecForm(cmd.Arguments) : [];

    /// <summary>The HEALTHCHECK's command in exec form (after CMD).</summary>
    public IReadOnlyList<string> Healthcheck(string target)
    {
        var arguments = InStage(target, "HEALTHCHECK").Last().Arguments;
        return ExecForm(arguments[(arguments.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]);
    }

    /// <summary>The <c>dotnet publish</c> commands of the build stage, as argument lists after "dotnet" ("publish", the project, …).</summary>
    public IReadOnlyList<IReadOnlyList<string>> PublishCommands() =>
        [.. _instructions.Where(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal))
            .Select(i => (IReadOnlyList<string>)i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..])];

    public static IReadOnlyList<string> ExecForm(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? throw new InvalidOperationException($"not exec form: {json}");

    [GeneratedRegex(@"^(?<image>\S+)(\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
