using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rayswarm.Grains;

/// <summary>
/// Loads the hosted domains' knowledge folders (<see cref="KnowledgeSource"/>) into the shared memory once the silo serves,
/// and again whenever a <c>*.md</c> file in them is created, changed, renamed or deleted (a file watcher; changes within
/// <see cref="Settle"/> are taken together). Each load hands the whole folder to the domain's
/// <see cref="IDomainKnowledgeGrain"/>, which adds, keeps or retracts contributions; a failed load is tried again.
/// A folder that does not exist is reported and left alone (its contributions stay). Only silos load knowledge
/// (<see cref="SiloBackgroundWork"/>).
/// </summary>
internal sealed partial class KnowledgeFolderSync(IServiceProvider services, IEnumerable<KnowledgeSource> sources) : SiloBackgroundWork(services)
{
    /// <summary>How long a burst of file changes may take before the folder is read again.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly List<FileSystemWatcher> _watchers = [];
    protected override Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(sources.DistinctBy(s => s.DomainId).Select(s => Task.Run(() => RunAsync(s, stopping), CancellationToken.None)));

    private async Task RunAsync(KnowledgeSource source, CancellationToken stopping)
    {
        var logger = Services.GetService<ILogger<KnowledgeFolderSync>>() ?? (ILogger)NullLogger.Instance;
        if (!Directory.Exists(source.Folder))
        {
            LogMissingFolder(logger, source.DomainId, source.Folder);
            return;
        }
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        Watch(source.Folder, () => changed.Writer.TryWrite(true));
        var grain = Services.GetRequiredService<IGrainFactory>().GetGrain<IDomainKnowledgeGrain>(source.DomainId);
        var failures = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    var result = await grain.Sync(KnowledgeFolder.Read(source.DomainId, source.Folder)).WaitAsync(stopping);
                    LogSynced(logger, source.DomainId, result.Added, result.Kept, result.Retracted);
                    failures = 0;
                    await changed.Reader.ReadAsync(stopping);
                    await Task.Delay(Settle, stopping);
                    changed.Reader.TryRead(out _); // changes while settling are read with this pass
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    failures++;
                    LogSyncFailed(logger, source.DomainId, e);
                    await Task.Delay(RetryDelay(failures), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Watch(string folder, Action signal)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => signal();
        watcher.Created += (_, _) => signal();
        watcher.Deleted += (_, _) => signal();
        watcher.Renamed += (_, _) => signal();
        watcher.Error += (_, _) => signal(); // a lost event (buffer overflow): read the whole folder again
        watcher.EnableRaisingEvents = true;
        lock (_watchers) { _watchers.Add(watcher); }
    }

    protected override void DisposeResources()
    {
        lock (_watchers) { foreach (var watcher in _watchers) { watcher.Dispose(); } }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge of {DomainId}: {Added} contributed, {Kept} unchanged, {Retracted} retracted")]
    private static partial void LogSynced(ILogger logger, string domainId, int added, int kept, int retracted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the knowledge of {DomainId} into the shared memory; retrying")]
    private static partial void LogSyncFailed(ILogger logger, string domainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge folder of {DomainId} ({Folder}) does not exist; its knowledge is not loaded")]
    private static partial void LogMissingFolder(ILogger logger, string domainId, string folder);
}
