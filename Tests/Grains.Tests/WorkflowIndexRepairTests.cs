using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The workflow list's row always reaches the workflow's own status: after a row write that failed (retried in
/// the background), and after a silo that stopped between the state write and the row write (its next activation, brought
/// by a read or by the reminder a finished workflow keeps until its row is written, repairs the row).</summary>
public sealed class WorkflowIndexRepairTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-index-repair-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static CreateWorkflowRequest RollsBack() =>
        new("repair", [WorkflowTests.Step("alpha", "echo", "A"), WorkflowTests.Step("beta", "fail", "B", "step_1")]);

    private static async Task<WorkflowSummary?> RowAsync(DomainSilo silo, string workflowId) =>
        (await silo.Workflows.List(null, 1000, null)).Workflows.SingleOrDefault(w => w.WorkflowId == workflowId);

    /// <summary>Resume reminders every second, so a test need not wait a minute for one.</summary>
    private static void ShortReminders(IServiceCollection services)
    {
        var second = TimeSpan.FromSeconds(1);
        services.AddWorkflows(o => o.ResumePeriod = second);
        services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = second);
    }

    /// <summary>Runs a workflow to rolled_back on a silo whose index never gets that row, then stops the silo.</summary>
    private async Task<WorkflowInfo> RolledBackWithTheRowLeftBehindAsync(bool shortReminders = false)
    {
        FlakyWorkflowIndexStore? index = null;
        await using var silo = await WorkflowSilo.StartAsync(_dataDir, services =>
        {
            index = FlakyWorkflowIndexStore.Over(services, WorkflowSilo.DatabasePath(_dataDir));
            if (shortReminders) { ShortReminders(services); }
        });
        index!.FailWhen = row => row.Status == WorkflowStatus.RolledBack;
        var created = await silo.Workflows.Create(RollsBack());
        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);
        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.True(index.Failures > 0);
        Assert.Equal(WorkflowStatus.RollingBack, (await RowAsync(silo, done.WorkflowId))!.Status);
        return done;
    }

    [Fact]
    public async Task A_row_write_that_failed_is_retried_until_the_row_shows_the_final_status()
    {
        FlakyWorkflowIndexStore? index = null;
        await using var silo = await WorkflowSilo.StartAsync(services: services =>
            index = FlakyWorkflowIndexStore.Over(services, Path.Combine(_dataDir, "index.db")));
        index!.FailWhen = row => row.Status == WorkflowStatus.RolledBack;
        var created = await silo.Workflows.Create(RollsBack());

        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);
        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        await Eventually.True(() => index.Failures >= 2, "the failed row write is retried");
        var behind = await RowAsync(silo, created.WorkflowId);
        Assert.Equal((WorkflowStatus.RollingBack, null), (behind!.Status, behind.FinishedAt));

        index.FailWhen = _ => false;
        await Eventually.True(async () => (await RowAsync(silo, created.WorkflowId))!.Status == WorkflowStatus.RolledBack, "the row converges");

        var row = (await RowAsync(silo, created.WorkflowId))!;
        Assert.Equal((done.FinishedAt, 1, 1, done.Error), (row.FinishedAt, row.Compensations, row.StepsCompleted, row.Error));
        Assert.Equal(1, (await silo.Workflows.GetStats()).ByStatus[WorkflowStatus.RolledBack]);
        Assert.Equal(0, (await silo.Workflows.GetStats()).ActiveWorkflows);
    }

    [Fact]
    public async Task A_row_left_behind_by_a_stopped_silo_is_repaired_when_a_read_activates_the_workflow_again()
    {
        var done = await RolledBackWithTheRowLeftBehindAsync();

        await using var silo = await WorkflowSilo.StartAsync(_dataDir);
        Assert.Equal(WorkflowStatus.RollingBack, (await RowAsync(silo, done.WorkflowId))!.Status);
        Assert.Equal(WorkflowStatus.RolledBack, (await silo.Workflows.Get(done.WorkflowId)).Status); // activates it

        await Eventually.True(async () => (await RowAsync(silo, done.WorkflowId))!.Status == WorkflowStatus.RolledBack, "the row converges");
        Assert.Equal(done.FinishedAt, (await RowAsync(silo, done.WorkflowId))!.FinishedAt);
    }

    [Fact]
    public async Task A_finished_workflow_whose_row_was_left_behind_keeps_its_reminder_which_brings_it_back_to_repair_the_row()
    {
        var done = await RolledBackWithTheRowLeftBehindAsync(shortReminders: true);

        // Nobody reads the workflow: only its reminder can bring it back.
        await using var silo = await WorkflowSilo.StartAsync(_dataDir, ShortReminders);

        await Eventually.True(async () => (await RowAsync(silo, done.WorkflowId))!.Status == WorkflowStatus.RolledBack, "the row converges");
        Assert.Equal(done.FinishedAt, (await RowAsync(silo, done.WorkflowId))!.FinishedAt);
    }
}
