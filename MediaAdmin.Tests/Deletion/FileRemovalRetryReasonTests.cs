using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion;

/// <summary>Why a removal waits is shown while it waits, and no longer once a worker is at it again.</summary>
public sealed class FileRemovalRetryReasonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_failed_removal_shows_its_reason_until_a_worker_takes_it_up_again_and_then_goes_clean()
    {
        FaultyStorage? storage = null;
        await using var app = await CoreHost.StartAsync(_folder.Path, services => FaultyStorage.Wrap(services, faulty => (storage = faulty).Down = true));
        var editor = await app.CreateUserAsync(RoleNames.Editor);
        var asset = await app.AddAssetAsync(editor.Id);
        var progress = app.Services.GetRequiredService<FileRemovalProgressService>();

        var deletion = await app.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), asset.Id);
        var waiting = await Polling.UntilAsync(() => progress.GetAsync(deletion.RequestId), p => p.RetryReason is not null);

        Assert.Equal("0 of 5 files removed", waiting.Text);
        Assert.StartsWith("simulated storage failure on delete", waiting.RetryReason, StringComparison.Ordinal);

        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        (storage!.HoldDeletes, storage.Down) = (hold, false);
        var underWay = await Polling.UntilAsync(() => progress.GetAsync(deletion.RequestId), p => p.RetryReason is null);

        Assert.Equal(("0 of 5 files removed", false), (underWay.Text, underWay.IsClean));
        Assert.Equal(5, (await app.StoredKeysAsync($"media/{asset.Id}/")).Count);

        hold.SetResult();
        await app.WaitForNoPendingDeletionsAsync();

        Assert.True((await progress.GetAsync(deletion.RequestId)).IsClean);
        Assert.Empty(await app.StoredKeysAsync($"media/{asset.Id}/"));
    }
}
