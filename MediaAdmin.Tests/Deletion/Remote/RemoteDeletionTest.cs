using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>A deletion test on a Core host whose library is an ApsaraVideo VOD account played by a stand-in.</summary>
public abstract class RemoteDeletionTest : RemoteLibraryTest
{
    protected CoreHost App { get; private set; } = null!;

    protected override async Task StartAsync() => App = await CoreHost.StartAsync(Folder.Path, ConfigureServices, Settings);

    /// <summary>What a test class changes in the host's services before it starts (an interceptor, say); nothing here.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override async Task StopAsync() => await App.DisposeAsync();

    protected Task<DeleteVideosResult> DeleteAsync(string userId, params string[] videoIds) =>
        App.Deletion.DeleteAsync(new DeletionCaller(userId, DeletionChannel.Console), string.Join(",", videoIds));
}
