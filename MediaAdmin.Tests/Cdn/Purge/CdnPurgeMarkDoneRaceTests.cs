using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>A person's Mark done and the worker's probe step on the same deletion at the same time.</summary>
public sealed class CdnPurgeMarkDoneRaceTests
{
    [Fact]
    public async Task A_mark_done_landing_while_a_probe_step_runs_is_kept_and_not_overwritten_by_the_steps_save()
    {
        // The worker would only wake every hour: the test runs the one step itself, so it knows when the step is over.
        await using var host = await PurgeHost.StartAsync(new Dictionary<string, string?> { ["Cdn:Purge:WorkerPollInterval"] = "01:00:00" });
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        // Once the removal has kept its listing, nothing but this test wakes the worker.
        await host.App.WaitForNoPendingDeletionsAsync();
        await using (var db = await host.App.OpenDbAsync())
        {
            await db.CdnInvalidations.Where(i => i.RequestId == requestId).ExecuteUpdateAsync(set => set
                .SetProperty(i => i.PurgeState, CdnPurgeState.Purged)
                .SetProperty(i => i.PurgedAtUtc, DateTime.UtcNow)
                .SetProperty(i => i.NextPurgeAtUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        var marked = 0;
        host.Edge.WhileProbing = async () =>
        {
            if (Interlocked.Exchange(ref marked, 1) == 0)
            {
                Assert.True((await host.Purges.MarkDoneAsync(editor.Id, requestId, "Refreshed by hand while the probe ran")).IsSuccess);
            }
        };

        var worked = await host.App.Services.GetRequiredService<CdnPurgeRunner>().RunDueAsync(CancellationToken.None);

        Assert.Equal(1, worked);
        var summary = (await host.Queries.DetailAsync(editor.Id, requestId)).Value.Summary;
        Assert.Equal(
            (CdnPurgeState.Purged, false, "Refreshed by hand while the probe ran", (DateTime?)null),
            (summary.State, summary.IsOpen, summary.DoneReason, summary.VerifiedAtUtc));
        Assert.Equal(editor.UserName, summary.DoneBy);
    }
}
