using Rayswarm.Cli;

return await RayswarmCli.RunAsync(args, CliIo.ForTerminal());
