using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>Where one run of the CLI writes: raw text (JSON) to <see cref="Output"/>, errors to <see cref="Error"/>, and the
/// drawn views (tables, trees, progress, live) to <see cref="Console"/>, which writes to the same output.</summary>
internal sealed class CliIo(TextWriter output, TextWriter error, IAnsiConsole console, bool handlesCtrlC)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IAnsiConsole Console { get; } = console;

    /// <summary>Whether Ctrl-C cancels the running command (the process's own terminal), rather than the caller's token.</summary>
    public bool HandlesCtrlC { get; } = handlesCtrlC;

    /// <summary>The process's console: colours and live views when it is a terminal.</summary>
    public static CliIo ForTerminal() => new(System.Console.Out, System.Console.Error, AnsiConsole.Console, handlesCtrlC: true);

    /// <summary>Plain text into writers (tests, captured output): no colours, no cursor movement, a fixed width.</summary>
    public static CliIo Captured(TextWriter output, TextWriter error, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return new CliIo(output, error, console, handlesCtrlC: false);
    }
}
