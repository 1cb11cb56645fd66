using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>A deletion test on a Core host whose library is an ApsaraVideo VOD account played by a stand-in.</summary>
public abstract class RemoteDeletionTest : RemoteLibraryTest
{
    protected CoreHost App { get; private set; } = null!;

    protected override async Task StartAsync() => App = await CoreHost.StartAsync(Folder.Path, settings: Settings);

    protected override async Task StopAsync() => await App.DisposeAsync();

    protected Task<DeleteVideosResult> DeleteAsync(string userId, params string[] videoIds) =>
        App.Deletion.DeleteAsync(new DeletionCaller(userId, DeletionChannel.Console), string.Join(",", videoIds));
}
